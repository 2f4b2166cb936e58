# One image for every taonode service; the service is chosen with APP (chain-sync, devnet, …).
# Services run from their TypeScript sources through swc (bin/run-app.js), as `npm start` runs them.
# Not built in CI: the development machines have no Docker engine (see the issue notes).
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild @swc/core

FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.base.json tsconfig.json .swcrc ./
COPY bin ./bin
COPY scripts ./scripts
COPY proto ./proto
COPY apps ./apps
COPY libs ./libs
COPY docker/healthcheck.mjs ./docker/healthcheck.mjs
# The devnet's metadata is fetched with npm and checked by sha256 at build time, never committed.
RUN node scripts/setup.js && chown -R node:node /app/.cache
USER node
ARG APP
ENV APP=${APP}
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s CMD ["node", "docker/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "-c", "exec node bin/run-app.js \"$APP\""]
