// The 关怀版 bootstrap, inlined in <head> by the root layout and kept by the static site (lib/server/site-files.ts):
// applies the reader's choice before first paint; tolerates blocked storage. A plain module, not a client one, so
// server code can read the string itself.
export const CARE_MODE_KEY = "nianbao-care";
export const CARE_MODE_SCRIPT = `try{if(localStorage.getItem("${CARE_MODE_KEY}")==="1")document.documentElement.dataset.care="1"}catch(e){}`;
