import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// Import direction: app → components → lib/server → lib/domain. lib/domain is pure (zod and itself, plus the
// parsers its importers need); components never import app/ or lib/server (actions come in as props).
const serverOnly = {
  group: ["@/lib/server/*", "@/lib/server/**", "**/lib/server/**"],
  message: "lib/server is server-only.",
};
const appImport = { group: ["@/app/*", "**/app/*"], message: "Nothing imports from app/ (routes only)." };
const generated = { group: ["@/lib/generated/*"], message: "Only lib/server talks to Prisma." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    files: ["lib/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            serverOnly,
            appImport,
            generated,
            {
              group: ["@/components/*", "react", "react-dom", "next", "next/*"],
              message: "lib/domain is pure.",
            },
            {
              group: ["node:*", "fs", "path", "pg", "@prisma/*"],
              message: "lib/domain runs in the browser too.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly, appImport, generated] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [generated] }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "playwright-report/**",
    "test-results/**",
    "dist/**",
  ]),
]);
