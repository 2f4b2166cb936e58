# Stand-in for the redis image (see build.sh): Debian's redis-server with the official image's layout, /data
# the working directory where append-only files land.
FROM taonode-stand-in/bookworm-minbase:latest
RUN apt-get update \
  && apt-get install -y --no-install-recommends redis-server redis-tools \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data
WORKDIR /data
CMD ["redis-server"]
