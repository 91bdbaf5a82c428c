# EST Lägesbild: build the client and install the server's dependencies, then run as a non-root
# user. `docker build -t est-lagesbild .` then, for example,
# `docker run -p 3000:3000 -v est-data:/data est-lagesbild` (embedded database in the volume) or
# with `-e DATABASE_URL=postgresql://…` (PostgreSQL). README, "Production".

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so this layer is reused while only the source changes. Install scripts of
# dependencies are not needed (every native part ships prebuilt); the project's own postinstall
# (patch-package, prisma generate) runs below once the source is there.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run postinstall \
  && node node_modules/vite/bin/vite.js build --logLevel warn \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
# Chromium prints lägesbild PDFs on the server; postgresql-client gives pg_dump/pg_restore for
# `npm run backup` on PostgreSQL. Build with --build-arg WITH_CHROMIUM=0 to leave Chromium out
# (PDF export then fails with a message; everything else works).
ARG WITH_CHROMIUM=1
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client ca-certificates \
     $([ "$WITH_CHROMIUM" = "1" ] && echo chromium fonts-dejavu-core) \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    SEED_DEMO=0 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    CHROMIUM_PATH=/usr/bin/chromium \
    SKIP_CLIENT_BUILD=1
WORKDIR /app
# The code belongs to root: the app's user may write only its data folder.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations run at start; no demo (SEED_DEMO=0): create the first workspace with `npm run admin`. SIGTERM stops it cleanly.
CMD ["node", "--import", "tsx", "scripts/start.ts"]
