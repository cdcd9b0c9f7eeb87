# syntax=docker/dockerfile:1
# One image for every domain cell (@shop/api's cell host). A Deployment picks the cell with
# CELLS=<domain> and PORT. No secrets are baked in: MONGODB_URI and the Inngest keys come from the
# pod's environment. Build from the repository root, which must hold the .dockerignore:
#   docker build -f infra/docker/cell.Dockerfile -t shop/cell:<tag> --build-arg SHOP_VERSION=<tag> .

# Node 24 LTS (24.18.0), pinned by digest so a rebuild gets the same base; Renovate or Dependabot
# (docker ecosystem) moves the digest when a patched image is published.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

# ---- build: install @shop/api and its workspace dependencies, then bundle the cell host ----
FROM ${NODE_IMAGE} AS build
RUN npm install -g pnpm@10
# CI: pnpm never prompts. mongodb-memory-server (a development fallback inside @shop/db) would
# otherwise download a mongod binary that production never runs.
ENV CI=true MONGOMS_DISABLE_POSTINSTALL=1
WORKDIR /repo
# Dependencies first, from the lockfile alone: this layer (the slow one) is rebuilt only when the
# lockfile or the workspace settings change, not on every source edit. The store lives in the
# layer itself (not a cache mount), so a cached layer always comes with the packages it fetched.
ENV npm_config_store_dir=/pnpm-store
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline --filter '@shop/api...'
# The host bundled by esbuild (ESM chunks, one per cell) plus exactly the installed files the
# bundle still loads (mongoose and its driver, pino, the native addons of bcrypt and sharp), traced by
# @vercel/nft with pnpm's symlinks kept: /out is the runtime's /app. No TypeScript, tsx or esbuild
# at run time (packages/api/build/cell-image-files.ts).
RUN pnpm --filter @shop/api build:cell-image /out

# ---- node-only: the same pinned Node image without what only installs packages ----
FROM ${NODE_IMAGE} AS node-only
RUN rm -rf /usr/local/lib/node_modules /usr/local/include/node /opt/yarn-* \
        /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
        /usr/local/bin/yarn /usr/local/bin/yarnpkg \
        /usr/share/doc /usr/share/man /usr/share/info \
    && groupadd --system --gid 10001 shop \
    && useradd --system --uid 10001 --gid shop --no-create-home --shell /usr/sbin/nologin shop

# ---- runtime: that filesystem as one layer (files deleted in a layer above a base would still be
# shipped in the base's layers), Debian 12 slim + Node 24 + the bundle: about 235 MB ----
FROM scratch AS runtime
COPY --from=node-only / /
ARG SHOP_VERSION=0.0.0
# MALLOC_ARENA_MAX: two glibc malloc arenas, not up to eight per core, so the host's native memory
# levels off (cellHostEnvironment in packages/api/build/cell-image-files.ts).
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    NODE_VERSION=24.18.0 NODE_ENV=production SHOP_VERSION=${SHOP_VERSION} PORT=4000 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
# Owned by root and read-only to the runtime user: the process cannot rewrite its own code.
COPY --from=build /out ./
USER 10001:10001
EXPOSE 4000
# For plain `docker run` (Kubernetes uses the Deployment's probes instead).
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Plain node: one process, which receives SIGTERM itself, so the cell host drains. The young
# generation is fixed at 8 MiB semi-spaces rather than sized from the memory Node sees
# (cellHostNodeFlags in packages/api/build/cell-image-files.ts;
# infra/k8s/test/dockerfiles.test.ts holds the two together).
CMD ["node", "--max-semi-space-size=8", "packages/api/dist/cell-host/main.mjs"]
