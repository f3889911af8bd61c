// 关怀版's first-paint script (inlined in <head> by the root layout): one constant, so that the
// Content-Security-Policy can allow exactly it by hash (lib/domain/csp.ts, proxy.ts).

export const CARE_MODE_KEY = "nianbao-care";

/** Runs before paint; tolerates blocked storage. */
export const CARE_MODE_SCRIPT = `try{if(localStorage.getItem("${CARE_MODE_KEY}")==="1")document.documentElement.dataset.care="1"}catch(e){}`;
