#!/usr/bin/env bash
# Builds local stand-ins for the public images docker-compose.yml names, for a machine that runs a Docker
# engine but reaches no registry (CI here): Debian bookworm from `debootstrap --variant=minbase`, plus
#   node:<NODE_TAG>      this machine's Node and npm under /usr/local, a `node` user (uid 1000), the machine's CA
#                        bundle (npm inside `docker build` reaches the registry through this machine's egress)
#   redis:<REDIS_TAG>    Debian's redis-server (7.0: a stand-in, not Redis 7.4)
#   prom/prometheus:<PROMETHEUS_TAG>  Debian's prometheus (2.42) and wget for the compose healthcheck
# Grafana has no Debian package: the compose run leaves it out (README "Docker Compose").
# Needs root, debootstrap and a running engine (DOCKER_HOST). Idempotent and cached: the debootstrap tarball
# lives in STAND_IN_CACHE (default .cache/docker), images carry a recipe label and are rebuilt only when it changes.
set -euo pipefail
cd "$(dirname "$0")/../.."

NODE_TAG="${NODE_TAG:-$(sed -n 's/^ARG NODE_IMAGE=node://p' docker/node-service.Dockerfile)}"
REDIS_TAG="${REDIS_TAG:-$(sed -n 's/^ *image: redis://p' docker-compose.yml | head -1)}"
PROMETHEUS_TAG="${PROMETHEUS_TAG:-$(sed -n 's/^ *image: prom\/prometheus://p' docker-compose.yml | head -1)}"
CACHE="${STAND_IN_CACHE:-.cache/docker}"
MINBASE_TAR="$CACHE/bookworm-minbase.tar"
NODE_BIN="$(command -v node)"
NODE_PREFIX="$(cd "$(dirname "$(readlink -f "$NODE_BIN")")/.." && pwd)"
NPM_DIR="$NODE_PREFIX/lib/node_modules/npm"
CA_BUNDLE="${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
STAND_IN_DIR="docker/stand-ins"

say() { echo "stand-ins: $*"; }
die() { echo "stand-ins: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, image import)"
[ -n "$NODE_TAG" ] && [ -n "$REDIS_TAG" ] && [ -n "$PROMETHEUS_TAG" ] || die "cannot read the image tags"
node_version="$("$NODE_BIN" --version)" # v20.20.2
case "$node_version" in
  "v${NODE_TAG%%-*}".*) ;;
  *) die "this machine's Node is $node_version; the Dockerfile's base image is node:$NODE_TAG" ;;
esac
[ -f "$NPM_DIR/bin/npm-cli.js" ] || die "no npm next to $NODE_BIN (looked in $NPM_DIR)"
[ -f "$CA_BUNDLE" ] || die "no CA bundle at $CA_BUNDLE"

# The machine's own Debian sources name the mirror it reaches; deb.debian.org otherwise.
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  debian_sources="$(cat /etc/apt/sources.list.d/debian.sources)"
else
  debian_sources="Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
fi
mirror="$(printf '%s\n' "$debian_sources" | sed -n 's/^URIs: *//p' | head -1)"

# 1. The debootstrap tarball (minutes cold, then cached).
if [ ! -s "$MINBASE_TAR" ]; then
  command -v debootstrap >/dev/null || die "debootstrap is not installed"
  mkdir -p "$CACHE"
  rootfs="$(mktemp -d)"
  trap 'rm -rf "$rootfs"' EXIT
  say "debootstrap --variant=minbase bookworm from $mirror (cold: a few minutes)"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$CACHE/debootstrap.log" 2>&1 \
    || die "debootstrap failed, see $CACHE/debootstrap.log"
  rm -f "$rootfs/etc/apt/sources.list"
  printf '%s\n' "$debian_sources" >"$rootfs/etc/apt/sources.list.d/debian.sources"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" --numeric-owner -cf "$MINBASE_TAR.partial" .
  mv "$MINBASE_TAR.partial" "$MINBASE_TAR"
  rm -rf "$rootfs"
  trap - EXIT
fi

has_image() { # name recipe
  [ "$(docker image inspect -f '{{index .Config.Labels "taonode.stand-in.recipe"}}' "$1" 2>/dev/null)" = "$2" ]
}
recipe_of() { cat "$@" | sha256sum | cut -c1-16; }

# 2. Plain bookworm, the base of the redis and prometheus stand-ins.
minbase_recipe="$(recipe_of "$0" "$MINBASE_TAR")"
minbase_image="taonode-stand-in/bookworm-minbase:latest"
if ! has_image "$minbase_image" "$minbase_recipe"; then
  say "importing $minbase_image"
  docker import --change "LABEL taonode.stand-in.recipe=$minbase_recipe" --change 'CMD ["bash"]' \
    "$MINBASE_TAR" "$minbase_image" >/dev/null
fi

# 3. The Node base image, under the Dockerfile's own name.
node_recipe="$(recipe_of "$0" "$MINBASE_TAR" "$NODE_BIN" "$NPM_DIR/package.json" "$CA_BUNDLE")"
if ! has_image "node:$NODE_TAG" "$node_recipe"; then
  say "building node:$NODE_TAG from this machine's Node $node_version"
  rootfs="$(mktemp -d)"
  trap 'rm -rf "$rootfs"' EXIT
  tar -C "$rootfs" --numeric-owner -xf "$MINBASE_TAR"
  install -m 0755 "$NODE_BIN" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules" "$rootfs/usr/local/etc" "$rootfs/etc/ssl/certs"
  cp -a "$NPM_DIR" "$rootfs/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  install -m 0644 "$CA_BUNDLE" "$rootfs/etc/ssl/certs/ca-certificates.crt"
  echo "cafile=/etc/ssl/certs/ca-certificates.crt" >"$rootfs/usr/local/etc/npmrc"
  # As in the official image: group and user `node`, uid/gid 1000, home /home/node.
  echo "node:x:1000:" >>"$rootfs/etc/group"
  echo "node:x:1000:1000::/home/node:/bin/bash" >>"$rootfs/etc/passwd"
  echo "node:*:19000:0:99999:7:::" >>"$rootfs/etc/shadow"
  mkdir -p "$rootfs/home/node" && chown 1000:1000 "$rootfs/home/node"
  tar -C "$rootfs" --numeric-owner -cf - . | docker import \
    --change "LABEL taonode.stand-in.recipe=$node_recipe" \
    --change "ENV NODE_VERSION=${node_version#v}" \
    --change "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt" \
    --change 'CMD ["node"]' \
    - "node:$NODE_TAG" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

# 4. Redis and Prometheus from Debian packages (legacy builder, host network: there is no bridge).
build_stand_in() { # image dockerfile
  local recipe
  recipe="$(recipe_of "$0" "$STAND_IN_DIR/$2" - <<<"$minbase_recipe")"
  if ! has_image "$1" "$recipe"; then
    say "building $1 from Debian packages"
    DOCKER_BUILDKIT=0 docker build -q --network host --label "taonode.stand-in.recipe=$recipe" \
      -f "$STAND_IN_DIR/$2" -t "$1" "$STAND_IN_DIR" >/dev/null
  fi
}
build_stand_in "redis:$REDIS_TAG" redis.Dockerfile
build_stand_in "prom/prometheus:$PROMETHEUS_TAG" prometheus.Dockerfile
say "ready: node:$NODE_TAG redis:$REDIS_TAG prom/prometheus:$PROMETHEUS_TAG"
