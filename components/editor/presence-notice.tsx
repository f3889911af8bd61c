"use client";

import { useEffect, useRef, useState } from "react";
import type { PresentUser } from "@/lib/domain/views/drafts";
import type { EditorActions } from "./types";

// Who else has the report open, from a heartbeat every 20 seconds (ReportPresence); leaving removes one's own mark.

const HEARTBEAT_MS = 20_000;

function usePresence(reportId: string, actions: Pick<EditorActions, "presence" | "leave">): PresentUser[] {
  const [others, setOthers] = useState<PresentUser[]>([]);
  // A page refresh hands in new action references; the heartbeat must not restart (and "leave") for that.
  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  });
  useEffect(() => {
    let alive = true;
    const beat = async () => {
      try {
        const result = await actionsRef.current.presence({ reportId });
        if (alive && result.ok) setOthers(result.data);
      } catch {
        // Offline: the notice keeps what it last knew; the next beat tries again.
      }
    };
    void beat();
    const timer = window.setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
      void actionsRef.current.leave({ reportId }).catch(() => undefined);
    };
  }, [reportId]);
  return others;
}

export function PresenceNotice({
  reportId,
  actions,
}: {
  reportId: string;
  actions: Pick<EditorActions, "presence" | "leave">;
}) {
  const others = usePresence(reportId, actions);
  const names = others.map((o) => o.displayName).join("、");
  return (
    <p className={others.length > 0 ? "callout callout--info presence" : "presence is-empty"} role="status">
      {others.length > 0
        ? `${names}也打开了此报告。请分工填写，避免同时修改同一内容；如保存时内容已被他人更新，系统会请您逐项选择。`
        : ""}
    </p>
  );
}
