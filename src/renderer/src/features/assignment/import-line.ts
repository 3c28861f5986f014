import type { TFunction } from 'i18next';

/** The import result's one line: "Assigned by the rules: Li Na 3, Wang Wei 2." (null when the rules did not run or gave nobody). */
export function importAssignmentLine(
  t: TFunction,
  assignment: { assigned: number; byOwner: readonly { owner: string; count: number }[] } | null | undefined,
): string | null {
  if (!assignment || assignment.assigned === 0) return null;
  const list = assignment.byOwner
    .map((o) => t('assignment.importEntry', { owner: o.owner, count: o.count }))
    .join(t('assignment.describe.separator'));
  return t('assignment.importResult', { list });
}
