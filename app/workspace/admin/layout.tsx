import { notFound } from "next/navigation";
import { requireActor } from "@/lib/server/auth/session";

// A UX gate only: every page below reads through lib/server functions that check the permission themselves.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor("/workspace/admin");
  if (!actor.memberships.some((m) => m.role === "ADMIN")) notFound();
  return children;
}
