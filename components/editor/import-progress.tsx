import { progressFraction, progressLine, type Progress } from "@/lib/domain/progress";

/** 「正在读取文件」 as a bar and a counted step, announced politely to screen readers. */
export function ImportProgress({ progress }: { progress: Progress }) {
  const line = progressLine(progress);
  return (
    <div className="import-progress" role="status">
      <progress max={1} value={progressFraction(progress)} aria-label="导入进度">
        {line}
      </progress>
      <span>{line}</span>
    </div>
  );
}
