import { formatDateTimeZh } from "@/lib/domain/dates";
import type { ConfirmedCarriedSentence } from "@/lib/domain/views/review";

// For reviewers: the sentences still word for word (or figure for figure) last year's that the author confirmed
// as right for this year too. They are where 「照搬上年」 hides; each deserves a second look.

export function ConfirmedCarried({ items }: { items: ConfirmedCarriedSentence[] }) {
  return (
    <section className="panel review-panel" aria-labelledby="carried-title">
      <h2 id="carried-title" className="panel__title">
        沿用上年表述（经填报员核实未改，{items.length} 句）
      </h2>
      {items.length === 0 ? (
        <p>没有经核实保留的上年表述。</p>
      ) : (
        <ol className="carried__list">
          {items.map((item, i) => (
            <li key={i} className="carried__item">
              {item.place} 第{item.paragraph + 1}段：<q>{item.text}</q>
              <br />
              <small>
                {item.confirmedBy || "填报员"}于{formatDateTimeZh(new Date(item.confirmedAt))}核实
              </small>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
