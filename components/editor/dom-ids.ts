// DOM ids the editor's parts share, so that a finding can focus its cell or its text.
import { cellId, type CellRef } from "@/lib/domain/format";
import { placeKey, type TextPlace } from "@/lib/domain/text-runs";

/** Header ids of the editor's tables carry this prefix (the page may show the same table elsewhere). */
export const HEADER_PREFIX = "ed-";

export const cellInputId = (ref: CellRef) => `cell-${cellId(ref).replace(/[:.]/g, "-")}`;
export const textAreaId = (place: TextPlace) => `text-${placeKey(place).replace(/\./g, "-")}`;
export const TITLE_INPUT_ID = "meta-title";

const META_IDS: Record<string, string> = {
  title: TITLE_INPUT_ID,
  bodyName: "meta-body",
  signatureName: "meta-signature",
  signatureDate: "meta-signature-date",
};

/** The input of a metadata field ("title", "contact.phone", …), as Finding.field names it. */
export const metaFieldId = (field: string) => META_IDS[field] ?? `meta-${field.replace(/\./g, "-")}`;
