"use client";

import { useSyncExternalStore } from "react";
import { CARE_MODE_KEY } from "@/lib/domain/care-mode";

// 关怀版: a stylesheet switch, not a second site. The choice lives in localStorage; CARE_MODE_SCRIPT (inlined in
// <head> by the root layout) applies it before first paint, and this button flips it. Without JavaScript the
// button is not shown and the page stays in the standard size.

const KEY = CARE_MODE_KEY;
const EVENT = "nianbao-care-change";

export { CARE_MODE_SCRIPT } from "@/lib/domain/care-mode";

const isOn = () => document.documentElement.dataset.care === "1";

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}

export function CareModeToggle() {
  const on = useSyncExternalStore(subscribe, isOn, () => null);
  if (on === null) return null;
  const toggle = () => {
    const next = !isOn();
    if (next) document.documentElement.dataset.care = "1";
    else delete document.documentElement.dataset.care;
    try {
      localStorage.setItem(KEY, next ? "1" : "0");
    } catch {
      // Storage blocked: the switch still works for this page.
    }
    window.dispatchEvent(new Event(EVENT));
  };
  return (
    <button type="button" className="care-toggle" aria-pressed={on} onClick={toggle}>
      关怀版（大字）
    </button>
  );
}
