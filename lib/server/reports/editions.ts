import "server-only";
import { listCells } from "@/lib/domain/cells";
import type { Finding } from "@/lib/domain/findings";
import type { Report } from "@/lib/domain/report-schema";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface EditionInput {
  reportId: string;
  orgId: string;
  year: number;
  content: Report;
  findings: Finding[];
  publishedById: string | null;
  publishedAt?: Date;
  changeNote?: string | null;
  isUnreviewed?: boolean;
  /** The written reason when force-published without a second person's review. */
  unreviewedReason?: string | null;
}

/**
 * Write the next immutable edition of a report and make its figures the current ones for roll-ups
 * (see docs/decisions/0004). Must run inside the transaction that moves the report to PUBLISHED.
 */
export async function writeEdition(tx: Prisma.TransactionClient, input: EditionInput) {
  const last = await tx.reportEdition.findFirst({
    where: { reportId: input.reportId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const edition = await tx.reportEdition.create({
    data: {
      reportId: input.reportId,
      number: (last?.number ?? 0) + 1,
      content: input.content as unknown as Prisma.InputJsonValue,
      findings: input.findings as unknown as Prisma.InputJsonValue,
      publishedById: input.publishedById,
      publishedAt: input.publishedAt ?? new Date(),
      changeNote: input.changeNote ?? null,
      isUnreviewed: input.isUnreviewed ?? false,
      unreviewedReason: input.unreviewedReason ?? null,
    },
  });
  await tx.reportFigure.updateMany({
    where: { orgId: input.orgId, year: input.year, isCurrent: true },
    data: { isCurrent: false },
  });
  const figures = listCells(input.content.tables).filter((c) => c.value !== null);
  await tx.reportFigure.createMany({
    data: figures.map((c) => ({
      editionId: edition.id,
      orgId: input.orgId,
      year: input.year,
      tableKey: c.table,
      rowKey: c.row,
      colKey: c.col,
      value: String(c.value),
    })),
  });
  return edition;
}
