# syntax=docker/dockerfile:1
# One image for every domain cell (@shop/api's cell host). A Deployment picks the cell with
# CELLS=<domain> and PORT. No secrets are baked in: MONGODB_URI and the Inngest keys come from the
# pod's environment. Build from the repository root, which must hold the .dockerignore:
#   docker build -f infra/docker/cell.Dockerfile -t shop/cell:<tag> --build-arg SHOP_VERSION=<tag> .

# Node 24 LTS (24.18.0), pinned by digest so a rebuild gets the same base; Renovate or Dependabot
# (docker ecosystem) moves the digest when a patched image is published.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

# ---- build: install @shop/api and its workspace dependencies, then keep production deps only ----
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
# --legacy: the workspace does not inject workspace packages; legacy deploy copies @shop/db's
# files into /out. Packages ship TypeScript source, so there is nothing to build first.
RUN pnpm --filter @shop/api --prod deploy --legacy /out

# ---- runtime: the pruned package, run through tsx as a fixed non-root uid ----
FROM ${NODE_IMAGE} AS runtime
# tsx is a production dependency of @shop/api (the host runs its TypeScript through it), so the
# pruned package already holds it.
RUN groupadd --system --gid 10001 shop \
    && useradd --system --uid 10001 --gid shop --no-create-home --shell /usr/sbin/nologin shop
ARG SHOP_VERSION=0.0.0
ENV NODE_ENV=production SHOP_VERSION=${SHOP_VERSION} PORT=4000
WORKDIR /app
# Owned by root and read-only to the runtime user: the process cannot rewrite its own code.
COPY --from=build /out ./
USER 10001:10001
EXPOSE 4000
# For plain `docker run` (Kubernetes uses the Deployment's probes instead).
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# `node --import tsx` rather than the `tsx` CLI: one process instead of two (the CLI's wrapper
# costs about 50 MB of a 256Mi pod) and node receives SIGTERM itself, so the cell host drains.
# tsx caches compiled files in /tmp, which the pods mount writable.
CMD ["node", "--import", "tsx", "src/host/main.ts"]
