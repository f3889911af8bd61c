import "server-only";
import { revalidatePath } from "next/cache";
import { bumpPublicGeneration } from "./response-cache";

// Which cached public pages a publication, correction or withdrawal of one report changes, and dropping them
// (docs/decisions/0007-public-caching.md). Call revalidatePublicPages(orgSlug, year) after the transaction that
// changes what the public sees. Pages are regenerated lazily on their next visit, so dropping many is cheap.

/** Literal addresses that show the report or its figures. */
export function publicPagePaths(orgSlug: string, year: number): string[] {
  return [
    "/",
    `/reports/${orgSlug}`,
    `/reports/${orgSlug}/${year}`,
    // Next year's report shows this year's values beside its own (the 「与上年对比」 toggle).
    `/reports/${orgSlug}/${year + 1}`,
  ];
}

/**
 * Route patterns whose pages may include the report without naming it: every ancestor's 汇总 and its
 * drill-downs, every body page (a parent lists its children's latest reports), and the edition archive.
 */
export const PUBLIC_PAGE_PATTERNS = [
  "/reports/[org]",
  "/reports/[org]/[year]/editions/[number]",
  "/rollup/[org]/[year]",
  "/rollup/[org]/[year]/[table]/[row]/[col]",
] as const;

/** Returns false outside a request (tests, scripts), where Next cannot revalidate; nothing is cached there. */
export function revalidatePublicPages(orgSlug: string, year: number): boolean {
  bumpPublicGeneration();
  try {
    for (const path of publicPagePaths(orgSlug, year)) revalidatePath(path);
    for (const pattern of PUBLIC_PAGE_PATTERNS) revalidatePath(pattern, "page");
    return true;
  } catch {
    return false;
  }
}

/** Every public page (an organisation renamed or moved, a rebuild): the root layout and all below it. */
export function revalidateAllPublicPages(): boolean {
  bumpPublicGeneration();
  try {
    revalidatePath("/", "layout");
    return true;
  } catch {
    return false;
  }
}
