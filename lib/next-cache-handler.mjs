// Next.js's ISR cache for this app (next.config.js `cacheHandler`; docs/decisions/0021-multi-instance-caches.md).
// Next's own handler keeps rendered pages on disk under .next/ and reads them back after a restart — so a report
// withdrawn and then a restart served the old page again, and every unknown address left a 404 file behind. This
// one is Next's handler with two changes: pages live in memory only (a restart starts empty; the site directory,
// written from the database, is what survives), and error answers (404, 410, 5xx) are never kept.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

/**
 * Routes rendered at run time: never read back from disk (nothing of theirs is built). Keys look like
 * `/reports/x/2024` or `<build hash>/$/reports/x/2024`.
 */
const RUNTIME_ROUTES = /(^|\/\$)\/(reports|rollup)(\/|$)/;

export default class MemoryOnlyCache extends FileSystemCache {
  constructor(ctx) {
    super({ ...ctx, flushToDisk: false });
  }

  async get(key, ctx) {
    if (RUNTIME_ROUTES.test(key) && !FileSystemCache.memoryCache?.has(key)) return null;
    return super.get(key, ctx);
  }

  async set(key, data, ctx) {
    const status = data && "status" in data ? data.status : undefined;
    if (typeof status === "number" && status >= 400) {
      FileSystemCache.memoryCache?.remove?.(key);
      return;
    }
    return super.set(key, data, ctx);
  }
}
