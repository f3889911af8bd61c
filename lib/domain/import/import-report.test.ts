import { describe, expect, it } from "vitest";
import { readFixture, readSeed } from "@/tests/fixtures/reports/read-fixture";
import { ImportFormatError, decodeText, importReport } from "./import-report";
import { importHtml } from "./html";
import { importText } from "./text";

const utf8 = (text: string) => new TextEncoder().encode(text);
const seed = readSeed();
const page = readFixture("hongling-township-2024.html");

describe("importReport picks the importer", () => {
  it.each([
    ["pasted text", { text: seed }, importText(seed).report],
    ["pasted HTML", { html: page }, importHtml(page).report],
    ["HTML pasted as text", { text: page }, importHtml(page).report],
    ["a .txt file", { docx: utf8(seed), fileName: "年报.txt" }, importText(seed).report],
    ["an .html file", { docx: utf8(page), fileName: "index.html" }, importHtml(page).report],
    ["an unnamed HTML file", { docx: utf8(page) }, importHtml(page).report],
  ])("for %s", async (_, input, expected) => {
    expect((await importReport(input)).report).toEqual(expected);
  });

  it("decodes files saved in GB18030, as older government sites serve them", () => {
    // 「年报」 in GB18030.
    expect(decodeText(new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]))).toBe("年报");
    expect(decodeText(utf8("年报"))).toBe("年报");
  });

  it.each([
    [
      "a Word 97-2003 file",
      { docx: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), fileName: "年报.doc" },
      "UNSUPPORTED_FORMAT",
    ],
    ["a PDF", { docx: utf8("%PDF-1.7\n..."), fileName: "年报.pdf" }, "UNSUPPORTED_FORMAT"],
    ["nothing", { text: "  \n" }, "EMPTY"],
  ])("rejects %s with a message for the user", async (_, input, code) => {
    const attempt = importReport(input);
    await expect(attempt).rejects.toBeInstanceOf(ImportFormatError);
    await expect(attempt).rejects.toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });
});
