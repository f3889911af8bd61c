"use client";

// 「打印 / 另存为PDF」: the browser's own print dialog with the A4 print stylesheet; choose 「另存为 PDF」 there.
// data-action="print" lets the static site's one inline script wire it (lib/server/site/files.ts).

export function PrintButton() {
  return (
    <button type="button" className="button no-print" data-action="print" onClick={() => window.print()}>
      打印 / 另存为PDF
    </button>
  );
}
