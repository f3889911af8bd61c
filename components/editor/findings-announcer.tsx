"use client";

import { useEffect, useRef, useState } from "react";
import { announcement, findingKey } from "@/lib/domain/finding-announcement";
import type { Finding } from "@/lib/domain/findings";

// Tells screen reader users what the live check newly found, politely and only once typing pauses: the findings
// are compared with those announced last time, after ANNOUNCE_DELAY_MS without a change.

export const ANNOUNCE_DELAY_MS = 1500;

export function FindingsAnnouncer({ findings }: { findings: readonly Finding[] }) {
  const [message, setMessage] = useState("");
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const keys = new Set(findings.map(findingKey));
      // What the page opened with is in the panel already; only changes are news.
      if (known.current !== null) {
        const text = announcement(known.current, findings);
        if (text) setMessage(text);
      }
      known.current = keys;
    }, ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [findings]);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="findings-announcer">
      {message}
    </p>
  );
}
