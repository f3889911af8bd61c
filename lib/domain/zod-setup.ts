// zod 4 compiles object parsers with `new Function` when it can, and probes for that ability on first use. Under
// the Content-Security-Policy (no 'unsafe-eval', docs/decisions/0014) the probe itself is reported as a violation
// in the browser, so every module that parses on the client imports this first: the interpreted parser, same results.
import { z } from "zod";

z.config({ jitless: true });
