# Stand-in for the prom/prometheus image (see build.sh): Debian's prometheus as the entrypoint, wget for the
# compose healthcheck, /prometheus the storage path.
FROM taonode-stand-in/bookworm-minbase:latest
RUN apt-get update \
  && apt-get install -y --no-install-recommends prometheus wget \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /prometheus
WORKDIR /prometheus
ENTRYPOINT ["/usr/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
