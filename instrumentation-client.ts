// Runs in the browser before the application's modules hydrate (Next.js instrumentation-client). zod must be told
// to interpret rather than compile its parsers before the first schema is built, or its `new Function` probe is
// reported as a CSP violation (docs/decisions/0014): loading the setup module here puts it ahead of every schema.
import "@/lib/domain/zod-setup";
