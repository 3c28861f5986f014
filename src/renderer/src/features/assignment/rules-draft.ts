import type { AssignmentRuleKind, AssignmentSettings, AssignmentSettingsInput } from '../../../../shared/domain/assignment';

/** One rule as the form edits it. */
export interface RuleDraft {
  id: string;
  kind: AssignmentRuleKind;
  values: string[];
  people: string[];
}

export interface AssignmentDraft {
  enabled: boolean;
  sameBuyer: boolean;
  rules: RuleDraft[];
  fallback: 'pool' | 'people';
  fallbackPeople: string[];
}

/** A field the form marks: a rule's values or people, or the fallback's people. */
export type DraftProblem = { id: string; field: 'values' | 'people' } | { id: 'fallback'; field: 'people' };

export function draftOf(s: AssignmentSettings): AssignmentDraft {
  return {
    enabled: s.enabled,
    sameBuyer: s.sameBuyer,
    rules: s.rules.map((r) => ({ id: r.id, kind: r.kind, values: [...r.values], people: [...r.people] })),
    fallback: s.fallback.kind,
    fallbackPeople: s.fallback.kind === 'people' ? [...s.fallback.people] : [],
  };
}

let counter = 0;
/** A new rule's id (keeps its round-robin turn while it is edited and moved). */
export function newRuleId(): string {
  counter += 1;
  return `r${Date.now().toString(36)}${counter.toString(36)}`;
}

export const emptyRule = (): RuleDraft => ({ id: newRuleId(), kind: 'country', values: [], people: [] });

/** What is wrong before anything is sent: a rule without values or people, a fallback without people. */
export function draftProblems(d: AssignmentDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  for (const r of d.rules) {
    if (r.values.length === 0) out.push({ id: r.id, field: 'values' });
    if (r.people.length === 0) out.push({ id: r.id, field: 'people' });
  }
  if (d.fallback === 'people' && d.fallbackPeople.length === 0) out.push({ id: 'fallback', field: 'people' });
  return out;
}

export function settingsOfDraft(d: AssignmentDraft): AssignmentSettingsInput {
  return {
    enabled: d.enabled,
    sameBuyer: d.sameBuyer,
    rules: d.rules.map((r) => ({ id: r.id, kind: r.kind, values: r.values, people: r.people })),
    fallback: d.fallback === 'people' ? { kind: 'people', people: d.fallbackPeople } : { kind: 'pool' },
  };
}

export const sameDraft = (a: AssignmentDraft, b: AssignmentDraft) => JSON.stringify(a) === JSON.stringify(b);

/** The rules with the one at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
