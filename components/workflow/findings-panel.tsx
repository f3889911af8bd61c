import { formatDateTimeZh } from "@/lib/domain/dates";
import type { ReviewFinding } from "@/lib/domain/views/review";
import { FindingsPanel, SeverityTag } from "@/components/report/findings-panel";

// The review screen's 校验结果: the shared findings panel (errors first), each warning with the author's explanation
// (or the fact that it has none).

export function ReviewFindingsPanel({ findings }: { findings: ReviewFinding[] }) {
  return (
    <FindingsPanel
      title="校验结果"
      findings={findings}
      className="panel review-panel"
      titleClassName="panel__title"
      summary={(errors, warnings) => (
        <p>
          错误 <strong>{errors.length}</strong> 个，警告 <strong>{warnings.length}</strong> 个。
        </p>
      )}
      listClassName="finding-list"
      renderFinding={(f, i) => (
        <li key={i} className={`finding finding--${f.severity}`}>
          <SeverityTag severity={f.severity} /> {f.message}
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
      )}
    />
  );
}
