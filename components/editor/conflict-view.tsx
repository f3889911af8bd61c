"use client";

import { useEffect, useRef, useState } from "react";
import { formatDateTimeZh } from "@/lib/domain/dates";
import {
  applyMerge,
  planMerge,
  suggestedChoices,
  type DraftDoc,
  type MergeField,
  type Side,
} from "@/lib/domain/draft-merge";
import type { LatestDraft } from "@/lib/domain/views/drafts";

// A refused save: someone saved a newer version since this draft was loaded. Field by field, the author's value
// beside the newer one, the side that changed it suggested, and the author's choice per field. Nothing of the
// draft is lost meanwhile: it stays on screen and in the browser's copy until the merge is saved.

interface Props {
  base: DraftDoc;
  mine: DraftDoc;
  latest: LatestDraft;
  onMerge(doc: DraftDoc): void;
  onDiscard(): void;
}

const shown = (text: string) => (text === "" ? "（空白）" : text);

function FieldChoice({
  field,
  choice,
  onChoose,
}: {
  field: MergeField;
  choice: Side;
  onChoose(side: Side): void;
}) {
  const name = `merge-${field.key}`;
  return (
    <fieldset className={`merge-field${field.isConflict ? " is-conflict" : ""}`}>
      <legend>
        {field.label}
        {field.isConflict ? "（双方都修改了）" : ""}
      </legend>
      {(["mine", "theirs"] as const).map((side) => (
        <label key={side} className={`merge-field__option${choice === side ? " is-chosen" : ""}`}>
          <input type="radio" name={name} checked={choice === side} onChange={() => onChoose(side)} />
          <span className="merge-field__side">{side === "mine" ? "保留我的" : "采用最新版本"}</span>
          <span className="merge-field__value">{shown(side === "mine" ? field.mine : field.theirs)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function ConflictView({ base, mine, latest, onMerge, onDiscard }: Props) {
  const theirs: DraftDoc = { content: latest.content, explanations: latest.explanations };
  const fields = planMerge(base, mine, theirs);
  const [choices, setChoices] = useState<Record<string, Side>>(() => suggestedChoices(fields));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
  }, []);
  const setAll = (side: Side) => setChoices(Object.fromEntries(fields.map((f) => [f.key, side])));
  const who = `${latest.lastEditedBy ?? "其他用户"}于${formatDateTimeZh(new Date(latest.updatedAt))}保存了第${latest.version}版`;
  return (
    <section className="conflict-view" aria-labelledby="conflict-title" role="region">
      <h2 id="conflict-title" ref={heading} tabIndex={-1}>
        保存冲突：报告已被他人修改
      </h2>
      {!latest.isEditable ? (
        <>
          <p>
            {who}，当前状态为「{latest.statusLabel}」，报告内容已不能修改。您未保存的 {fields.length}{" "}
            处修改仍显示在下方并保留在本机，可复制后另行处理。
          </p>
          <button type="button" className="button" onClick={onDiscard}>
            放弃我的修改并载入最新版本
          </button>
        </>
      ) : (
        <>
          <p>
            {who}。以下 {fields.length}{" "}
            项与您的修改不同，已按“谁改动了就保留谁的”预先选好，双方都改动的请逐项确认：
          </p>
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={() => setAll("mine")}>
              全部保留我的
            </button>
            <button type="button" className="button button--small" onClick={() => setAll("theirs")}>
              全部采用最新版本
            </button>
          </div>
          <div className="merge-list">
            {fields.map((f) => (
              <FieldChoice
                key={f.key}
                field={f}
                choice={choices[f.key] ?? f.suggestion}
                onChoose={(side) => setChoices({ ...choices, [f.key]: side })}
              />
            ))}
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => onMerge(applyMerge(mine, theirs, choices))}
            >
              按所选合并并保存
            </button>
          </div>
        </>
      )}
    </section>
  );
}
