import type { ReactNode } from "react";
import type { Finding } from "@/lib/domain/findings";

// The rule engine's findings beside a report: the editor's live check (检查结果) and the review screen's
// (校验结果) share this panel — its heading, its errors-first order, its empty state and each finding's severity
// tag; each screen adds what it does with a finding (locate and explain, or read the author's explanation).

interface Props<F extends Finding> {
  /** The heading, which is also the region's name. */
  title: string;
  findings: F[];
  className: string;
  titleClassName: string;
  /** The counts line; it gets the errors and the warnings. */
  summary(errors: F[], warnings: F[]): ReactNode;
  /** Controls between the counts and the list (the editor's check stage). */
  children?: ReactNode;
  listClassName: string;
  /** The editor's list is ordered and stays in the page when empty; the review's is a plain list. */
  ordered?: boolean;
  /** One finding's `<li>`, given its place in the errors-first order. */
  renderFinding(finding: F, index: number): ReactNode;
}

export function SeverityTag({ severity }: { severity: Finding["severity"] }) {
  return <span className={`tag tag--${severity}`}>{severity === "error" ? "错误" : "警告"}</span>;
}

export function FindingsPanel<F extends Finding>(props: Props<F>) {
  const errors = props.findings.filter((f) => f.severity === "error");
  const warnings = props.findings.filter((f) => f.severity === "warning");
  const items = [...errors, ...warnings].map((f, i) => props.renderFinding(f, i));
  const empty = <p className="notice">未发现问题。</p>;
  return (
    <section className={props.className} aria-labelledby="findings-title">
      <h2 id="findings-title" className={props.titleClassName}>
        {props.title}
      </h2>
      {props.summary(errors, warnings)}
      {props.children}
      {props.ordered ? (
        <>
          {props.findings.length === 0 && empty}
          <ol className={props.listClassName}>{items}</ol>
        </>
      ) : props.findings.length === 0 ? (
        empty
      ) : (
        <ul className={props.listClassName}>{items}</ul>
      )}
    </section>
  );
}
