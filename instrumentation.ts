// Next.js calls register() once per server process at start-up. In the Node.js runtime it starts the publication
// scheduler (lib/server/workflow/scheduler-loop.ts) and the static-site worker (lib/server/site/worker.ts) after validating
// the environment; not during `next build`, and not in the Edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // A bad environment variable stops the server at start-up, naming it (lib/server/platform/env.ts).
  const { env } = await import("./lib/server/platform/env");
  try {
    env();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const { startScheduler } = await import("./lib/server/workflow/scheduler-loop");
  startScheduler();
  const { startSiteWorker } = await import("./lib/server/site/worker");
  startSiteWorker();
}
