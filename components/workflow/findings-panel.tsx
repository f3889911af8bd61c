import { formatDateTimeZh } from "@/lib/domain/dates";
import type { ReviewFinding } from "@/lib/domain/views/review";

// The rule engine's findings on the report under review, errors first, each warning with the author's explanation
// (or the fact that it has none).

export function FindingsPanel({ findings }: { findings: ReviewFinding[] }) {
  const ordered = [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity === "warning"),
  ];
  const errors = findings.length - findings.filter((f) => f.severity === "warning").length;
  return (
    <section className="panel review-panel" aria-labelledby="findings-title">
      <h2 id="findings-title" className="panel__title">
        校验结果
      </h2>
      <p>
        错误 <strong>{errors}</strong> 个，警告 <strong>{findings.length - errors}</strong> 个。
      </p>
      {ordered.length === 0 ? (
        <p className="notice">未发现问题。</p>
      ) : (
        <ul className="finding-list">
          {ordered.map((f, i) => (
            <li key={i} className={`finding finding--${f.severity}`}>
              <span className={`tag tag--${f.severity}`}>{f.severity === "error" ? "错误" : "警告"}</span>{" "}
              {f.message}
              <span className="finding__rule">（{f.ruleId}）</span>
              {f.severity === "warning" &&
                (f.explanation ? (
                  <p className="finding__explanation">
                    填报人说明：{f.explanation.text}
                    <span className="muted">（{formatDateTimeZh(new Date(f.explanation.at))}）</span>
                  </p>
                ) : (
                  <p className="finding__explanation finding__explanation--missing">填报人未说明</p>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
