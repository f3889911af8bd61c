// The public's view of a report's editions and of a withdrawn publication (lib/server/public/editions.ts builds
// them, the correction and withdrawal notices show them).

export interface PublicEditionEntry {
  number: number;
  publishedAt: Date;
  changeNote: string | null;
  withdrawnAt: Date | null;
  isCurrent: boolean;
  /** Force-published and not yet reviewed by a second person. */
  isUnreviewed: boolean;
  href: string;
}

export interface PublicEditionHistory {
  current: PublicEditionEntry;
  /** Present when the current edition corrects an earlier one. */
  correction: { correctedAt: Date; note: string; changes: string[]; previousHref: string } | null;
  /** Every edition, newest first. */
  editions: PublicEditionEntry[];
}

/** What the address of a report whose publication was withdrawn shows: never a silent 404. */
export interface WithdrawalNoticeView {
  orgName: string;
  year: number;
  title: string;
  withdrawnAt: Date;
  note: string;
}
