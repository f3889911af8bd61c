"use client";

import { useState, type ReactNode } from "react";
import type { Finding } from "@/lib/domain/findings";
import { countChars, guideFor, lengthHint } from "@/lib/domain/section-guide";
import { paragraphsFromText, placeKey, type TextPlace } from "@/lib/domain/text-runs";
import { CARRIED_RULE_ID, type CarriedSentence } from "@/lib/domain/carried-over";
import { CarriedSentences, type CarriedItem } from "./carried-sentences";
import { textAreaId } from "./dom-ids";
import { InlineFindings } from "./inline-findings";

// A section or sub-item as plain paragraphs: one paragraph per line, stored as text (never HTML), with what the
// part is for, its length, the sentences still copied from last year, and the text findings that point here. The
// textarea tells assistive technology when a finding points into it (aria-invalid for errors, aria-describedby to
// the findings' messages and the carried-over sentences).

interface Props {
  place: TextPlace;
  label: string;
  paragraphs: string[];
  readOnly: boolean;
  findings: Finding[];
  carried: CarriedItem[];
  onChange(paragraphs: string[]): void;
  onSelectSentence(sentence: CarriedSentence): void;
  onConfirm(sentence: CarriedSentence, confirmed: boolean): void;
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
  onSelectSentence,
  onConfirm,
  children,
}: Props) {
  const joined = paragraphs.join("\n");
  const [raw, setRaw] = useState(joined);
  if (!same(raw, joined)) setRaw(joined);
  const id = textAreaId(place);
  const hint = lengthHint(place, paragraphs);
  const guide = guideFor(place);
  const open = carried.filter((c) => !c.confirmed);
  // TXT-CARRIED-OVER findings are the carried sentences listed with their own actions below.
  const shown = findings.filter((f) => f.ruleId !== CARRIED_RULE_ID);
  const describedBy = [
    guide.hint ? `${id}-hint` : "",
    `${id}-length`,
    shown.length > 0 ? `${id}-findings` : "",
    open.length > 0 ? `${id}-carried` : "",
  ].filter(Boolean);
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
        className={open.length > 0 ? "section-field__text has-carried" : "section-field__text"}
        value={raw}
        readOnly={readOnly}
        aria-describedby={describedBy.join(" ")}
        aria-invalid={shown.some((f) => f.severity === "error") || undefined}
        onChange={(e) => {
          setRaw(e.target.value);
          const next = paragraphsFromText(e.target.value);
          if (next.join("\n") !== paragraphsFromText(joined).join("\n")) onChange(next);
        }}
      />
      <p id={`${id}-length`} className="section-field__length">
        已写{countChars(paragraphs)}字{hint ? `，${hint}` : ""}
      </p>
      <CarriedSentences
        id={`${id}-carried`}
        items={carried}
        readOnly={readOnly}
        onSelect={onSelectSentence}
        onConfirm={onConfirm}
      />
      <InlineFindings id={`${id}-findings`} findings={shown} onLocate={onLocate} labelKey={placeKey(place)} />
      {children}
    </div>
  );
}
