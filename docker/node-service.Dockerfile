# One image for every taonode service; the service is chosen with APP (chain-sync, devnet, cli, …).
# Stage `build` compiles apps and libs to JavaScript (scripts/build.js, swc) and fetches the artefacts the
# services read at run time (subtensor metadata, the synthetic model); stage `runtime` holds that JavaScript and
# production dependencies only: no TypeScript compiler runs in the container.
# Plain Dockerfile syntax (no BuildKit-only features): the legacy builder of Debian's docker.io builds it.
ARG NODE_IMAGE=node:20.20-bookworm-slim

# Only the workspaces' package.json files: the `npm ci` layers below then stay cached until a dependency changes,
# instead of being redone on every source edit (the legacy builder has no COPY --parents).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY apps ./apps
COPY libs ./libs
RUN find apps libs -mindepth 2 -maxdepth 2 ! -name package.json -exec rm -rf {} +

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
COPY --from=manifests /app/apps ./apps
COPY --from=manifests /app/libs ./libs
RUN npm ci --ignore-scripts --no-audit --no-fund \
  && npm rebuild @swc/core
COPY apps ./apps
COPY libs ./libs
COPY .swcrc tsconfig.base.json tsconfig.json ./
COPY scripts ./scripts
COPY proto ./proto
# The devnet's metadata is fetched with npm and checked by sha256 here, never committed; the model is generated.
RUN node scripts/setup.js \
  && node scripts/setup-model.js \
  && node scripts/build.js dist

FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
  ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
COPY --from=manifests /app/apps ./apps
COPY --from=manifests /app/libs ./libs
# The swc packages are production dependencies only for `npm start` from sources; the image never compiles.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/@swc node_modules/@swc-node node_modules/typescript \
  && npm cache clean --force
# The compiled workspaces keep their package.json, `main` pointing at src/*.js: npm links @taonode/* to them.
COPY --from=build /app/dist/apps ./apps
COPY --from=build /app/dist/libs ./libs
COPY proto ./proto
COPY docker/healthcheck.mjs docker/dev-neurons.sh ./docker/
COPY --from=build --chown=node:node /app/.cache ./.cache
# Mount points of the compose volumes, owned by the service user so a new named volume inherits that owner.
RUN mkdir -p /wallets && chown node:node /wallets
USER node
ARG APP
ENV APP=${APP}
HEALTHCHECK --interval=15s --timeout=10s --start-period=60s CMD ["node", "docker/healthcheck.mjs"]
# tini reaps zombies and forwards signals (PID 1, or with -s a subreaper under compose's `init: true`);
# arguments given to the container (compose `command:`) reach the app.
ENTRYPOINT ["/usr/bin/tini", "-s", "--", "sh", "-c", "exec node \"apps/$APP/src/main.js\" \"$@\"", "taonode"]
CMD []
