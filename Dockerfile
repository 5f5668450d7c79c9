# Production image (README, "Production"). Two stages:
# - build: every dependency, `npm run build`, then the runtime stage's files assembled in
#   /runtime (scripts/lib/runtime-image.ts): Next's standalone server, and what
#   `prisma migrate deploy` needs. tests/system/production-image.sys.test.ts runs that
#   directory with this file's ENV and CMD, and checks it holds no dev dependency.
# - runtime: Node 24 LTS, /runtime only, as the unprivileged `node` user.
ARG NODE_IMAGE=node:24.22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY scripts scripts
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:runtime -- /runtime

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production
ENV PORT=3000
# Docker sets HOSTNAME to the container's id; the standalone server listens on it.
ENV HOSTNAME=0.0.0.0
ENV NEXT_TELEMETRY_DISABLED=1
ENV CHECKPOINT_DISABLE=1
ENV PRISMA_HIDE_UPDATE_MESSAGE=1
# Prisma's CLI runs its schema engine compiled to WebAssembly (README, "Prisma without its native engines").
ENV PRISMA_SCHEMA_ENGINE_BINARY=/app/prisma/schema-engine/wasm-schema-engine.mjs
# Owned by root: the server, running as `node`, cannot rewrite its own code.
COPY --from=build /runtime ./
USER node
EXPOSE 3000
# DATABASE_URL, AUTH_SECRET and APP_URL come from the environment (docker-compose.yml).
# The migrations are applied before the server starts; a failed migration stops the container.
# Memory settings as scripts/lib/next-build.ts starts the server (docs/operations.md, Memory).
ENV MALLOC_ARENA_MAX=2
ENV MALLOC_MMAP_THRESHOLD_=65536
CMD ["sh", "-c", "node node_modules/prisma/build/index.js migrate deploy && exec node --max-old-space-size=256 --heap-growing-percent=50 --max-semi-space-size=16 --no-allocation-site-pretenuring server.js"]
