"use client";

import type { CarriedSentence } from "@/lib/domain/carried-over";

// 「照搬上年」 in one text field: each sentence still last year's, its figures marked, until the author edits it or
// confirms it (「核实无误」) one by one. Confirmed sentences stay listed, folded, and can be reopened.

export interface CarriedItem {
  sentence: CarriedSentence;
  confirmed: boolean;
}

interface Props {
  id: string;
  items: CarriedItem[];
  readOnly: boolean;
  onSelect(sentence: CarriedSentence): void;
  onConfirm(sentence: CarriedSentence, confirmed: boolean): void;
}

/** The sentence with last year's figures in <mark>. */
function Marked({ sentence }: { sentence: CarriedSentence }) {
  const parts: React.ReactNode[] = [];
  let at = sentence.start;
  for (const f of sentence.figures) {
    parts.push(sentence.text.slice(at - sentence.start, f.start - sentence.start));
    parts.push(
      <mark key={f.start}>{sentence.text.slice(f.start - sentence.start, f.end - sentence.start)}</mark>,
    );
    at = f.end;
  }
  parts.push(sentence.text.slice(at - sentence.start));
  return <q>{parts}</q>;
}

function Item({ item, readOnly, onSelect, onConfirm }: { item: CarriedItem } & Omit<Props, "id" | "items">) {
  const { sentence, confirmed } = item;
  return (
    <li className={confirmed ? "carried__item is-confirmed" : "carried__item"}>
      <span className={confirmed ? "tag" : "tag tag--carried"}>
        {confirmed ? "已核实" : sentence.figures.length > 0 ? "沿用上年数字" : "沿用上年表述"}
      </span>{" "}
      第{sentence.paragraph + 1}段：
      <Marked sentence={sentence} />{" "}
      <span className="carried__actions">
        <button type="button" className="link-button" onClick={() => onSelect(sentence)}>
          选中这句修改
        </button>
        {!readOnly && (
          <button type="button" className="link-button" onClick={() => onConfirm(sentence, !confirmed)}>
            {confirmed ? "撤销核实" : "核实无误，保留"}
          </button>
        )}
      </span>
    </li>
  );
}

export function CarriedSentences({ id, items, readOnly, onSelect, onConfirm }: Props) {
  if (items.length === 0) return null;
  const open = items.filter((i) => !i.confirmed);
  const done = items.filter((i) => i.confirmed);
  const props = { readOnly, onSelect, onConfirm };
  return (
    <div className={open.length > 0 ? "carried" : "carried carried--settled"} id={id}>
      {open.length > 0 && (
        <>
          <p className="carried__title">
            沿用上年表述，请核实（{open.length}句）：句中的数字和事例可能仍是上年的。请修改，或逐句确认无误。
          </p>
          <ol className="carried__list">
            {open.map((item) => (
              <Item key={`${item.sentence.paragraph}-${item.sentence.start}`} item={item} {...props} />
            ))}
          </ol>
        </>
      )}
      {done.length > 0 && (
        <details className="carried__done">
          <summary>已核实保留的上年表述（{done.length}句）</summary>
          <ol className="carried__list">
            {done.map((item) => (
              <Item key={`${item.sentence.paragraph}-${item.sentence.start}`} item={item} {...props} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
