import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { CARE_MODE_SCRIPT } from "@/lib/domain/care-mode";

// The static site's files (docs/decisions/0020-static-publication.md): which file a public address becomes, the
// page as served by the app minus its framework JavaScript, and atomic writes with precompressed siblings.

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type SiteTargetKind = "html" | "json" | "csv" | "docx" | "zip" | "css";

/** One public address and the file it is written to, relative to the site directory. */
export interface SiteTarget {
  /** What the app is asked for (path and query). */
  url: string;
  /** Where the answer goes, relative to the site directory, with forward slashes. */
  file: string;
  kind: SiteTargetKind;
}

const COMPRESSED_KINDS: ReadonlySet<SiteTargetKind> = new Set(["html", "json", "csv", "css"]);

/** A public page's address → its file: `/` → `index.html`, `/reports/x/2024` → `reports/x/2024/index.html`. */
export function pageTarget(path: string): SiteTarget {
  const clean = path.replace(/\/+$/, "");
  return { url: path, file: clean === "" ? "index.html" : `${clean.slice(1)}/index.html`, kind: "html" };
}

/** The open-data files of one report, as nginx maps `?format=` onto them (deploy/nginx.conf). */
export function reportDataTargets(orgSlug: string, year: number): SiteTarget[] {
  const base = `/api/v1/reports/${orgSlug}/${year}`;
  return [
    { url: base, file: `${base.slice(1)}.json`, kind: "json" },
    { url: `${base}?format=csv`, file: `${base.slice(1)}.csv`, kind: "csv" },
    { url: `${base}?format=docx`, file: `${base.slice(1)}.docx`, kind: "docx" },
  ];
}

export const ORGANIZATIONS_TARGET: SiteTarget = {
  url: "/api/v1/organizations",
  file: "api/v1/organizations.json",
  kind: "json",
};

export function bulkTarget(year: number): SiteTarget {
  return { url: `/api/v1/bulk/${year}`, file: `api/v1/bulk/${year}.zip`, kind: "zip" };
}

/**
 * Replaces the empty 关怀版 slot and wires the print button: the only behaviour a public page has besides links,
 * forms and the CSS-only 「与上年对比」 toggle. Constant, so a Content-Security-Policy can allow it by its hash.
 */
export const STATIC_PAGE_SCRIPT =
  '(function(){var d=document,h=d.documentElement;d.querySelectorAll("[data-action=print]").forEach(function(b){b.addEventListener("click",function(){window.print()})});' +
  'var s=d.querySelector("[data-care-slot]");if(!s)return;var b=d.createElement("button");b.type="button";b.className="care-toggle";b.textContent="关怀版（大字）";' +
  'var show=function(){b.setAttribute("aria-pressed",h.dataset.care==="1"?"true":"false")};show();' +
  'b.addEventListener("click",function(){if(h.dataset.care==="1")delete h.dataset.care;else h.dataset.care="1";try{localStorage.setItem("nianbao-care",h.dataset.care==="1"?"1":"0")}catch(e){}show()});s.appendChild(b)})()';

/** `'sha256-…'` source expressions of the inline scripts static pages carry, for a Content-Security-Policy. */
export function staticScriptHashes(): string[] {
  return [CARE_MODE_SCRIPT, STATIC_PAGE_SCRIPT].map(
    (s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`,
  );
}

const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;
const SCRIPT_LINK = /<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*\bas="script"[^>]*\/?>/gi;
const MODULE_LINK = /<link\b[^>]*\brel="modulepreload"[^>]*\/?>/gi;

/**
 * The app's HTML for a public page without framework JavaScript: every script but the 关怀版 bootstrap goes,
 * with the preload hints for them; STATIC_PAGE_SCRIPT takes over the two buttons.
 */
export function staticHtmlOf(appHtml: string): string {
  const stripped = appHtml
    .replace(SCRIPT, (whole, body: string) => (body === CARE_MODE_SCRIPT ? whole : ""))
    .replace(SCRIPT_LINK, "")
    .replace(MODULE_LINK, "");
  const tail = `<script>${STATIC_PAGE_SCRIPT}</script>`;
  return stripped.includes("</body>") ? stripped.replace("</body>", `${tail}</body>`) : stripped + tail;
}

/** The hashed stylesheets a page links to (`/_next/static/css/…`), to be copied beside the pages. */
export function stylesheetsOf(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*\bhref="(\/_next\/static\/[^"?#]+\.css)"[^>]*>/gi))
    found.add(m[1]!);
  return [...found];
}

export function stylesheetTarget(href: string): SiteTarget {
  return { url: href, file: href.slice(1), kind: "css" };
}

/** Resolves a target's file inside the site directory; refuses anything that would leave it. */
export function sitePath(siteDir: string, file: string): string {
  const full = normalize(join(siteDir, file));
  const root = normalize(siteDir).replace(/[\\/]+$/, "") + sep;
  if (!full.startsWith(root) || file.includes("\0")) throw new Error(`站点文件路径无效：${file}`);
  return full;
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes).equals(await readFile(path));
  } catch {
    return false;
  }
}

export type WriteOutcome = "written" | "unchanged" | "removed" | "absent";

/**
 * Writes one file and (for text) its `.gz` and `.br` siblings, each by temp file + rename so a reader sees the
 * old or the new file, never half of one. Siblings first: nginx never serves a new page's old compression for
 * longer than the rename takes. Unchanged bytes are left alone (their mtime, hence Last-Modified, stays).
 */
export async function writeSiteFile(
  siteDir: string,
  target: SiteTarget,
  bytes: Uint8Array,
): Promise<WriteOutcome> {
  const path = sitePath(siteDir, target.file);
  if (await sameBytes(path, bytes)) return "unchanged";
  await mkdir(dirname(path), { recursive: true });
  if (COMPRESSED_KINDS.has(target.kind)) {
    const [gz, br] = await Promise.all([
      gzipAsync(bytes, { level: 9 }),
      brotliAsync(bytes, {
        params: {
          // Best compression for pages (written once, read many times); faster for large files (the bulk CSV).
          [zlib.BROTLI_PARAM_QUALITY]: bytes.byteLength > 256 * 1024 ? 7 : 11,
          [zlib.BROTLI_PARAM_MODE]: target.kind === "html" ? zlib.BROTLI_MODE_TEXT : zlib.BROTLI_MODE_GENERIC,
          [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      }),
    ]);
    await writeAtomic(`${path}.gz`, gz);
    await writeAtomic(`${path}.br`, br);
  }
  await writeAtomic(path, bytes);
  return "written";
}

/** Removes a file and its compressed siblings (the app answers for the address from now on). */
export async function removeSiteFile(siteDir: string, target: SiteTarget): Promise<WriteOutcome> {
  const path = sitePath(siteDir, target.file);
  let existed = true;
  try {
    await readFile(path);
  } catch {
    existed = false;
  }
  // The page first, so nginx falls back to the app at once; then the siblings.
  await rm(path, { force: true });
  await rm(`${path}.gz`, { force: true });
  await rm(`${path}.br`, { force: true });
  return existed ? "removed" : "absent";
}

/** Removes a whole directory of the site (an organisation's old slug after a rename). */
export async function removeSiteDir(siteDir: string, dir: string): Promise<void> {
  await rm(sitePath(siteDir, dir), { recursive: true, force: true });
}
