import Link from "next/link";
import { ORG_KIND_LABELS, type OrgKind } from "@/lib/domain/orgs/tree";

// The administrable organisations as nested lists, so that the hierarchy is announced by screen readers too.

export interface OrgTreeItem {
  id: string;
  name: string;
  kind: OrgKind;
  slug: string;
  depth: number;
  userCount: number;
}

interface Node {
  org: OrgTreeItem;
  children: Node[];
}

/** Rebuilds the nesting from a depth-first list with depths. */
function nest(items: OrgTreeItem[]): Node[] {
  const roots: Node[] = [];
  const path: Node[] = [];
  for (const org of items) {
    const node = { org, children: [] };
    path.length = org.depth;
    (path.at(-1)?.children ?? roots).push(node);
    path.push(node);
  }
  return roots;
}

function Branch({ nodes }: { nodes: Node[] }) {
  return (
    <ul className="org-tree">
      {nodes.map(({ org, children }) => (
        <li key={org.id}>
          <div className="org-tree__row">
            <Link href={`/workspace/admin/orgs/${org.id}`}>{org.name}</Link>
            <span className="tag">{ORG_KIND_LABELS[org.kind]}</span>
            <span className="muted">{org.userCount} 名用户</span>
            <span className="org-tree__links">
              <Link href={`/workspace/admin/orgs/new?parent=${org.id}`}>
                新建下级<span className="visually-hidden">机构（{org.name}）</span>
              </Link>
              <Link href={`/workspace/admin/users?org=${org.id}`}>
                用户<span className="visually-hidden">（{org.name}）</span>
              </Link>
            </span>
          </div>
          {children.length > 0 && <Branch nodes={children} />}
        </li>
      ))}
    </ul>
  );
}

export function OrgTreeView({ items }: { items: OrgTreeItem[] }) {
  return <Branch nodes={nest(items)} />;
}
