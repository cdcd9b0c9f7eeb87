# syntax=docker/dockerfile:1
# The @shop/storefront Next.js app as a standalone server. Cell URLs, NEXTAUTH_SECRET and the other
# settings come from the pod's environment at run time; nothing secret is baked in. Build from the
# repository root, which must hold the .dockerignore:
#   docker build -f infra/docker/storefront.Dockerfile -t shop/storefront:<tag> .

# Node 24 LTS (24.18.0), pinned by digest so a rebuild gets the same base; Renovate or Dependabot
# (docker ecosystem) moves the digest when a patched image is published.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

# ---- build: install the app and its workspace dependencies, then `next build` ----
FROM ${NODE_IMAGE} AS build
RUN npm install -g pnpm@10
# CI: pnpm never prompts. mongodb-memory-server (a development fallback inside @shop/db) would
# otherwise download a mongod binary that the app never runs.
ENV CI=true MONGOMS_DISABLE_POSTINSTALL=1 NEXT_TELEMETRY_DISABLED=1
WORKDIR /repo
# Dependencies first, from the lockfile alone: this layer (the slow one) is rebuilt only when the
# lockfile or the workspace settings change, not on every source edit. The store lives in the
# layer itself (not a cache mount), so a cached layer always comes with the packages it fetched.
ENV npm_config_store_dir=/pnpm-store
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline --filter '@shop/storefront...'
# output: 'standalone' with outputFileTracingRoot at the repository root puts the server at
# .next/standalone/apps/storefront/server.js next to a pruned node_modules. public/ is optional.
RUN pnpm --filter @shop/storefront build && mkdir -p apps/storefront/public

# ---- runtime: the standalone server, its static assets and public files, as a non-root uid ----
FROM ${NODE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 shop \
    && useradd --system --uid 10001 --gid shop --no-create-home --shell /usr/sbin/nologin shop
# HOSTNAME: listen on every interface (Kubernetes overrides HOSTNAME with the pod name; the
# Deployment sets it back).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=build /repo/apps/storefront/.next/standalone ./
COPY --from=build /repo/apps/storefront/.next/static ./apps/storefront/.next/static
COPY --from=build /repo/apps/storefront/public ./apps/storefront/public
# The production entry: it sets each request's client address (the socket's, or the entry the
# ingress appended: TRUSTED_PROXY_HOPS) before Next sees the request, then starts server.js.
COPY --from=build /repo/packages/api/src/gateway/app-server-entry.mjs ./apps/storefront/server-entry.mjs
USER 10001:10001
EXPOSE 3000
# For plain `docker run` (Kubernetes uses the Deployment's probes instead).
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Next's server stops accepting, finishes in-flight requests and exits on SIGTERM.
STOPSIGNAL SIGTERM
CMD ["node", "apps/storefront/server-entry.mjs"]
