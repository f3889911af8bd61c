import Link from "next/link";
import { ORG_KIND_LABELS, type OrgKind } from "@/lib/domain/orgs/tree";

// Browsing the organisation tree: every body links to its 年报专栏; the bodies below a body fold away under
// 「下级机关」 (a native <details>, no script) beyond the first level.

export interface TreeOrg {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
}

interface Props {
  childrenOf: Map<string | null, TreeOrg[]>;
  parentId?: string | null;
  depth?: number;
}

export function OrgTreeList({ childrenOf, parentId = null, depth = 0 }: Props) {
  const orgs = childrenOf.get(parentId) ?? [];
  if (orgs.length === 0) return null;
  return (
    <ul className={depth === 0 ? "public-tree" : "public-tree public-tree--nested"}>
      {orgs.map((org) => {
        const count = childrenOf.get(org.id)?.length ?? 0;
        return (
          <li key={org.id}>
            <Link href={`/reports/${org.slug}`}>{org.name}</Link>{" "}
            <span className="tag">{ORG_KIND_LABELS[org.kind]}</span>
            {count > 0 && (
              <details open={depth < 1}>
                <summary>下级机关（{count}）</summary>
                <OrgTreeList childrenOf={childrenOf} parentId={org.id} depth={depth + 1} />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
