# syntax=docker/dockerfile:1

# Both stages: Node 24 LTS (supported until 2028-04-30; Node 20 reached its end of life on
# 2026-04-30 and Node 22 reaches it on 2027-04-30) on Debian 13 trixie (Debian 12's regular
# security support ended in June 2026). Node 26 LTS is the next step, before April 2028. The code
# itself keeps to Node 20.19 (package.json "engines"), where the tests also run.

# ---- build: compile TypeScript and bundle the page with the dev dependencies ----
FROM node:24-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# Everything the build reads; .dockerignore keeps node_modules, dist and .git out.
COPY . .
RUN npm run build

# ---- runtime: production dependencies, compiled code and templates only ----
FROM node:24-trixie-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# argon2 ships prebuilt linux binaries (N-API: any Node version), so no compiler is needed here.
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY views ./views
# Files stay root-owned (read-only to the service); the process runs unprivileged.
USER node
EXPOSE 3000
# Liveness only: readiness (/readyz) depends on Redis and belongs to the orchestrator.
# Slim images have no curl; node's built-in fetch does the probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Not `npm start`: its prestart hook rebuilds with tsc, a dev dependency absent here.
CMD ["node", "dist/src/server.js"]
