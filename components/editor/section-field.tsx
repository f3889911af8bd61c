"use client";

import { useState, type ReactNode } from "react";
import type { Finding } from "@/lib/domain/findings";
import { countChars, guideFor, lengthHint } from "@/lib/domain/section-guide";
import { paragraphsFromText, placeKey, type TextPlace } from "@/lib/domain/text-runs";
import type { CarriedParagraph } from "@/lib/domain/year-shift";
import { textAreaId } from "./dom-ids";
import { InlineFindings } from "./inline-findings";

// A section or sub-item as plain paragraphs: one paragraph per line, stored as text (never HTML), with what the
// part is for, its length, the paragraphs still copied from last year, and the text findings that point here.

interface Props {
  place: TextPlace;
  label: string;
  paragraphs: string[];
  readOnly: boolean;
  findings: Finding[];
  carried: CarriedParagraph[];
  onChange(paragraphs: string[]): void;
  onLocate(finding: Finding): void;
  /** Helpers shown under the field (standard sentences). */
  children?: ReactNode;
}

const same = (a: string, b: string) => paragraphsFromText(a).join("\n") === paragraphsFromText(b).join("\n");

export function SectionField({
  place,
  label,
  paragraphs,
  readOnly,
  findings,
  carried,
  onChange,
  onLocate,
  children,
}: Props) {
  const joined = paragraphs.join("\n");
  const [raw, setRaw] = useState(joined);
  if (!same(raw, joined)) setRaw(joined);
  const id = textAreaId(place);
  const hint = lengthHint(place, paragraphs);
  const guide = guideFor(place);
  return (
    <div className="section-field">
      <label htmlFor={id} className="section-field__label">
        {label}
      </label>
      {guide.hint && (
        <p id={`${id}-hint`} className="field__hint">
          {guide.hint}每段一行，按回车另起一段。
        </p>
      )}
      <textarea
        id={id}
        className="section-field__text"
        value={raw}
        readOnly={readOnly}
        aria-describedby={`${id}-hint ${id}-length`}
        onChange={(e) => {
          setRaw(e.target.value);
          const next = paragraphsFromText(e.target.value);
          if (next.join("\n") !== paragraphsFromText(joined).join("\n")) onChange(next);
        }}
      />
      <p id={`${id}-length`} className="section-field__length">
        已写{countChars(paragraphs)}字{hint ? `，${hint}` : ""}
      </p>
      {carried.length > 0 && (
        <p className="callout callout--info">
          第{carried.map((c) => c.paragraph + 1).join("、")}
          段沿用上年报告文字，年份已自动更新，文中的数字和事例仍是上年的，请逐句核对后修改。
        </p>
      )}
      <InlineFindings findings={findings} onLocate={onLocate} labelKey={placeKey(place)} />
      {children}
    </div>
  );
}
