# syntax=docker/dockerfile:1

# ---- build: compile TypeScript with the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# Everything the build reads; .dockerignore keeps node_modules, dist and .git out.
COPY . .
RUN npm run build

# ---- runtime: production dependencies, compiled code and templates only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# argon2 ships prebuilt linux binaries, so no compiler is needed here.
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
