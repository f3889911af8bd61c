import { defineConfig } from "prisma/config";

// Offline: the CLI would download a native schema engine at start-up and fail. Any existing file satisfies
// that check; migrations run through scripts/migrate.ts (the WebAssembly schema engine) instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

// Prisma 7 does not read .env itself. `prisma generate` needs no database URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
