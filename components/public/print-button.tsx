"use client";

// 「打印 / 另存为PDF」: the browser's own print dialog with the A4 print stylesheet; choose 「另存为 PDF」 there.

export function PrintButton() {
  return (
    <button type="button" className="button no-print" onClick={() => window.print()}>
      打印 / 另存为PDF
    </button>
  );
}
