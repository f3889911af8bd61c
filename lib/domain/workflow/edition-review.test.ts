import { describe, expect, it } from "vitest";
import { decideEditionReview, type EditionReviewRequest } from "./edition-review";

const BASE: EditionReviewRequest = {
  edition: { isUnreviewed: true, reviewedAfterById: null, publishedById: "sv", withdrawnAt: null },
  report: { submittedById: "ed", lastEditedById: "ed" },
  actorUserId: "rv",
  actorRoles: ["REVIEWER"],
};

describe("decideEditionReview", () => {
  it.each<[string, Partial<EditionReviewRequest>, string]>([
    ["a reviewer of the body who took no part", {}, "ok"],
    ["a signer", { actorUserId: "sg", actorRoles: ["SIGNER"] }, "ok"],
    ["another supervisor", { actorUserId: "sv2", actorRoles: ["SUPERVISOR"] }, "ok"],
    ["the force-publisher", { actorUserId: "sv", actorRoles: ["SUPERVISOR"] }, "FORBIDDEN"],
    [
      "the author holding a reviewer role too",
      { actorUserId: "ed", actorRoles: ["EDITOR", "REVIEWER"] },
      "FORBIDDEN",
    ],
    ["an editor", { actorUserId: "ed2", actorRoles: ["EDITOR"] }, "FORBIDDEN"],
    ["an administrator", { actorUserId: "ad", actorRoles: ["ADMIN"] }, "FORBIDDEN"],
    [
      "an edition published through the chain",
      { edition: { ...BASE.edition, isUnreviewed: false } },
      "INVALID_STATE",
    ],
    [
      "an edition reviewed already",
      { edition: { ...BASE.edition, reviewedAfterById: "x" } },
      "INVALID_STATE",
    ],
    ["a withdrawn edition", { edition: { ...BASE.edition, withdrawnAt: new Date() } }, "INVALID_STATE"],
  ])("%s → %s", (_name, overrides, expected) => {
    const decision = decideEditionReview({ ...BASE, ...overrides });
    expect(decision.ok ? "ok" : decision.code).toBe(expected);
  });
});
