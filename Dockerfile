# Lagon as a self-contained server: Next.js's standalone output, served by Lagon's own server
# (src/server/main.ts, bundled by `npm run build` into dist/server.mjs), which answers readers'
# pages from memory. It applies pending migrations itself when it starts (Payload's prodMigrations).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# Needs no database and no secret: everything of a deployment is read when the server starts.
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    MEDIA_DIR=/app/media \
    MALLOC_ARENA_MAX=2
RUN groupadd --system lagon && useradd --system --gid lagon --uid 1001 lagon \
    && mkdir -p /app/media && chown lagon:lagon /app/media
COPY --from=build --chown=lagon:lagon /app/.next/standalone ./
COPY --from=build --chown=lagon:lagon /app/.next/static ./.next/static
COPY --from=build --chown=lagon:lagon /app/dist/server.mjs ./server.mjs
USER lagon
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
# V8 collects at 1.15 times the live heap, not up to 4 times (docs/scaling.md, "Memory").
CMD ["node", "--heap-growing-percent=15", "server.mjs"]
