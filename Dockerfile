# Production image: the app built once, migrations applied by Prisma at start.
FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY scripts scripts
COPY prisma prisma
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# DATABASE_URL and AUTH_SECRET come from the environment (see docker-compose.yml).
CMD ["sh", "-c", "npm run db:deploy && exec node node_modules/next/dist/bin/next start -p $PORT"]
