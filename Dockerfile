# The API image (the worker joins it with issue 4). Node 20, as the toolchain decisions require.
# The same image runs the one-shot migration step: `node dist/apps/api/src/migrate.js` with DATABASE_MIGRATION_URL
# (docker-compose.yml's `migrate` service); the API itself refuses that variable in production.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
# The web console is bundled into dist/web (its packages are dev dependencies); the API serves it.
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
