# syntax=docker/dockerfile:1
# The parley image: the CLI, the server (`parley serve`, the default command) and the job worker
# (`parley worker`), over SQLite in /data or PostgreSQL (PARLEY_DB). docs/deploy.md has compose,
# the environment and the same start-up without containers; test/deploy/files.test.ts checks this
# file against the code.
#
#   docker build -t parley .
#   docker run -p 4242:4242 -v parley-data:/data -e PARLEY_TOKEN=$(openssl rand -hex 24) parley
#
# Three stages on one base image, so that the native modules (better-sqlite3's addon; @node-rs/argon2
# comes prebuilt for linux-gnu through its optional dependencies) are built for the Node and the C
# library they run on.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base: the lockfile, and a compiler for better-sqlite3 when no prebuilt binary can be fetched
FROM ${NODE_IMAGE} AS base
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./

# ---- build: every dependency, then dist/ (tsc + esbuild: scripts/build.mjs) and web/dist (vite)
FROM base AS build
# --ignore-scripts: `prepare` would build before the sources are copied; the two install scripts
# of the tree (better-sqlite3, esbuild) run by name instead.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3 esbuild
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY web ./web
RUN npm run build && npm run build:web

# ---- prod-deps: the runtime dependencies only (tsx among them: bin/parley.js falls back to it)
FROM base AS prod-deps
RUN npm ci --omit=dev --ignore-scripts && npm rebuild better-sqlite3 esbuild && npm cache clean --force

# ---- runtime: no compiler, no dev dependencies, no sources (bin/parley.js then runs dist/)
FROM ${NODE_IMAGE} AS runtime
# JSON log lines for a collector (docs/deploy.md, "Logs"); SQLite in the volume unless PARLEY_DB says otherwise.
ENV PARLEY_LOG=json \
    PARLEY_DB=/data/parley.db
WORKDIR /app
COPY package.json package-lock.json ./
COPY bin ./bin
COPY examples ./examples
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# The code stays root's (read-only to the server); only /data, the SQLite default, is the user's.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4242
# Ready (GET /api/ready: the database answers and is migrated), not only alive. The worker has no
# HTTP port: compose.yaml disables this check for it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PARLEY_PORT || 4242) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/parley.js"]
CMD ["serve", "--host", "0.0.0.0"]
