// A small organisation tree with one account per role, shared by the admin and authorization tests.
//
// city 柳州市                 ← rootAdmin (管理员)
// ├─ districtA 柳北区          ← districtAdmin (管理员), supervisor (政务公开办)
// │  ├─ streetA 钢城街道       ← editor, reviewer, signer
// │  └─ streetA2 锦绣街道
// └─ districtB 柳南区          ← otherAdmin (管理员)
//    └─ streetB 河西街道       ← otherEditor
import { randomUUID } from "node:crypto";
import { resolveSession } from "@/lib/server/auth/session-store";
import { signIn } from "@/lib/server/auth/sign-in";
import { type Actor } from "@/lib/server/auth/actor";
import type { Db } from "@/lib/server/platform/db";
import { createOrg, createUser, TEST_PASSWORD } from "../setup/factories";

export async function actorFor(db: Db, username: string, password = TEST_PASSWORD): Promise<Actor> {
  const session = await signIn({ login: username, password, ip: "10.7.0.1" }, db);
  if (!session.ok) throw new Error(`sign-in failed for ${username}: ${session.message}`);
  return (await resolveSession(session.token, db))!;
}

export async function buildWorld(db: Db) {
  const tag = randomUUID().slice(0, 6);
  const city = await createOrg(db, { name: `柳州市${tag}`, kind: "CITY" });
  const districtA = await createOrg(db, { name: `柳北区${tag}`, kind: "DISTRICT", parentId: city.id });
  const streetA = await createOrg(db, { name: `钢城街道${tag}`, parentId: districtA.id });
  const streetA2 = await createOrg(db, { name: `锦绣街道${tag}`, parentId: districtA.id });
  const districtB = await createOrg(db, { name: `柳南区${tag}`, kind: "DISTRICT", parentId: city.id });
  const streetB = await createOrg(db, { name: `河西街道${tag}`, parentId: districtB.id });
  const orgs = { city, districtA, streetA, streetA2, districtB, streetB };

  const accounts = {
    rootAdmin: { orgId: city.id, role: "ADMIN" },
    districtAdmin: { orgId: districtA.id, role: "ADMIN" },
    supervisor: { orgId: districtA.id, role: "SUPERVISOR" },
    editor: { orgId: streetA.id, role: "EDITOR" },
    reviewer: { orgId: streetA.id, role: "REVIEWER" },
    signer: { orgId: streetA.id, role: "SIGNER" },
    otherAdmin: { orgId: districtB.id, role: "ADMIN" },
    otherEditor: { orgId: streetB.id, role: "EDITOR" },
  } as const;
  type Name = keyof typeof accounts;
  const users = {} as Record<Name, { id: string; username: string }>;
  const actors = {} as Record<Name, Actor>;
  for (const [name, role] of Object.entries(accounts) as [Name, (typeof accounts)[Name]][]) {
    const username = `${name.toLowerCase()}-${tag}`;
    users[name] = await createUser(db, { username, roles: [role] });
    actors[name] = await actorFor(db, username);
  }
  return { tag, orgs, users, actors };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** The fields of a valid new organisation under `parentId`. */
export function orgInput(parentId: string, slug = `org-${randomUUID().slice(0, 8)}`) {
  return {
    parentId,
    kind: "SUBDISTRICT" as const,
    name: `测试街道办事处${slug}`,
    shortName: "测试街道",
    slug,
    hasRuleMakingPower: false,
    approvalChain: [] as ("REVIEW" | "SIGN" | "SUPERVISOR")[],
    contactOffice: "",
    contactAddress: "",
    contactPhone: "",
    contactPostcode: "",
    portalUrl: "",
  };
}
