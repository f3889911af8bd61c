// Schema pieces that read the same value whether it comes from react-hook-form (booleans, arrays) or from a form
// posted without JavaScript (FormData: "on" or nothing for a checkbox, one string or several for a group).
import { z } from "zod";

/** A checkbox: checked is true, "on" or "true"; anything else (absent, false, "false") is unchecked. */
export const checkbox = () => z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** A group of checkboxes sharing a name: nothing checked is an empty list. */
export const checkedList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item),
  );

/** "" (an empty input or select) is absent. */
export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
