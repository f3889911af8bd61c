// Preloaded into the Next server by scripts/start.ts (`node --import`). Next gives route handlers and server
// actions no socket address, and fills X-Forwarded-For from the socket only when a client sent none, so a client
// could name any address. Before Next sees a request this records the socket address in x-nianbao-peer
// (replacing any client copy) and, unless TRUST_PROXY=1, removes the client's X-Forwarded-* and X-Real-IP, which
// Next then fills from the socket itself. lib/server/platform/request.ts trusts x-nianbao-peer only when this ran
// (docs/decisions/0013-client-address.md).
import http from "node:http";

const PEER = "x-nianbao-peer";
const FORWARDING = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
  "x-real-ip",
];
const trustProxy = process.env.TRUST_PROXY === "1";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithTrustedHeaders(event, req, ...rest) {
  if (event === "request" && req && req.headers) {
    if (!trustProxy) for (const name of FORWARDING) delete req.headers[name];
    req.headers[PEER] = (req.socket && req.socket.remoteAddress) || "";
  }
  return emit.call(this, event, req, ...rest);
};
globalThis[Symbol.for("nianbao.peerHeader")] = PEER;
