import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignmentSettingsOf,
  assignmentSettingsSchema,
  decideAssignments,
  DEFAULT_ASSIGNMENT_SETTINGS,
  ruleMatches,
  type AssignmentCandidate,
  type AssignmentRule,
  type AssignmentSettings,
} from '../../src/shared/domain/assignment';

const PEOPLE = ['Li Na', 'Wang Wei', 'Zhao Min', 'Anna', 'Bob'];
const COUNTRIES = ['DE', 'FR', 'US', 'CN', 'BR', ''];
const AREAS: Record<string, string[]> = {
  DE: ['155', '150'],
  FR: ['155', '150'],
  US: ['021', '019'],
  CN: ['030', '142'],
  BR: ['005', '019'],
  '': [],
};
const INDUSTRIES = ['Lighting', 'lighting', 'Furniture', 'Textiles', ''];
const PRODUCTS = ['LED panel 60x60', 'Office chair', 'led strip', 'Cotton yarn', ''];

const people = fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 4 });
const rule: fc.Arbitrary<AssignmentRule> = fc
  .oneof(
    fc.record({
      kind: fc.constant('country' as const),
      values: fc.uniqueArray(fc.constantFrom('DE', 'FR', 'US', 'CN', 'BR'), { minLength: 1, maxLength: 3 }),
      people,
    }),
    fc.record({
      kind: fc.constant('region' as const),
      values: fc.uniqueArray(fc.constantFrom('155', '150', '021', '019', '030'), { minLength: 1, maxLength: 2 }),
      people,
    }),
    fc.record({
      kind: fc.constant('industry' as const),
      values: fc.uniqueArray(fc.constantFrom('Lighting', 'Furniture'), { minLength: 1, maxLength: 2 }),
      people,
    }),
    fc.record({
      kind: fc.constant('product' as const),
      values: fc.uniqueArray(fc.constantFrom('LED', 'chair', 'yarn'), { minLength: 1, maxLength: 2 }),
      people,
    }),
  )
  .map((r) => ({ ...r, id: 'x' }) as AssignmentRule);

const settings: fc.Arbitrary<AssignmentSettings> = fc
  .record({
    sameBuyer: fc.boolean(),
    rules: fc.array(rule, { maxLength: 5 }),
    fallback: fc.oneof(
      fc.constant({ kind: 'pool' as const }),
      people.map((p) => ({ kind: 'people' as const, people: p })),
    ),
  })
  .map((s) => ({ enabled: true, ...s, rules: s.rules.map((r, i) => ({ ...r, id: `r${i}` })) }));

/** Customers with ids 1..n; same-buyer links point at owned customers (ids > 1000) or earlier ones of the batch. */
const candidates: fc.Arbitrary<AssignmentCandidate[]> = fc
  .array(
    fc.record({
      country: fc.constantFrom(...COUNTRIES),
      industry: fc.constantFrom(...INDUSTRIES),
      products: fc.array(fc.constantFrom(...PRODUCTS), { maxLength: 2 }),
      owned: fc.option(fc.constantFrom(...PEOPLE, ''), { nil: null }),
      earlier: fc.option(fc.nat(), { nil: null }),
    }),
    { maxLength: 40 },
  )
  .map((list) =>
    list.map((c, i) => ({
      customerId: i + 1,
      country: c.country,
      areas: AREAS[c.country] ?? [],
      industry: c.industry,
      products: c.products,
      sameBuyer: [
        ...(c.owned !== null ? [{ customerId: 1000 + i, company: `Owned ${i}`, owner: c.owned, by: 'domain' as const }] : []),
        ...(c.earlier !== null && i > 0
          ? [{ customerId: (c.earlier % i) + 1, company: 'Earlier', owner: '', by: 'company' as const }]
          : []),
      ],
    })),
  );

describe('lead assignment rules (decideAssignments)', () => {
  it('gives every unowned customer exactly one decision, in order, and the same input the same output', () => {
    fc.assert(
      fc.property(settings, candidates, fc.dictionary(fc.constantFrom('r0', 'r1', 'fallback'), fc.nat(20)), (s, cs, turns) => {
        const a = decideAssignments(s, cs, turns);
        expect(a.decisions.map((d) => d.customerId)).toEqual(cs.map((c) => c.customerId));
        expect(decideAssignments(s, cs, turns)).toEqual(a);
        // The same customer given twice is decided once.
        expect(decideAssignments(s, [...cs, ...cs], turns).decisions).toEqual(a.decisions);
      }),
    );
  });

  it('says which rule fired: same buyer first, then the first matching rule, then the fallback', () => {
    fc.assert(
      fc.property(settings, candidates, (s, cs) => {
        const { decisions } = decideAssignments(s, cs, {});
        const byId = new Map(decisions.map((d) => [d.customerId, d]));
        for (const [i, d] of decisions.entries()) {
          const c = cs[i]!;
          const owned = c.sameBuyer.find((m) => m.owner !== '' || (byId.get(m.customerId)?.owner ?? '') !== '');
          const first = s.rules.findIndex((r) => ruleMatches(r, c));
          if (s.sameBuyer && owned) {
            expect(d.reason).toMatchObject({ kind: 'sameBuyer', customerId: owned.customerId });
            expect(d.owner).toBe(owned.owner || byId.get(owned.customerId)?.owner);
          } else if (first >= 0) {
            const r = s.rules[first]!;
            expect(d.reason).toEqual({
              kind: 'rule',
              ruleId: r.id,
              position: first + 1,
              ruleKind: r.kind,
              values: r.values,
              roundRobin: r.people.length > 1,
            });
            expect(r.people).toContain(d.owner);
          } else if (s.fallback.kind === 'people') {
            expect(d.reason).toEqual({ kind: 'fallback', roundRobin: s.fallback.people.length > 1 });
            expect(s.fallback.people).toContain(d.owner);
          } else {
            expect(d).toEqual({ customerId: c.customerId, owner: '', reason: { kind: 'pool' } });
          }
        }
      }),
    );
  });

  it('spreads N customers over k people round-robin, counts differing by at most 1, the turn kept per rule', () => {
    fc.assert(
      fc.property(people, fc.integer({ min: 0, max: 60 }), fc.nat(1000), fc.integer({ min: 1, max: 5 }), (ps, n, start, batches) => {
        const s: AssignmentSettings = {
          ...DEFAULT_ASSIGNMENT_SETTINGS,
          enabled: true,
          rules: [{ id: 'de', kind: 'country', values: ['DE'], people: ps }],
        };
        const cs = Array.from({ length: n }, (_, i) => ({
          customerId: i + 1,
          country: 'DE',
          areas: [],
          industry: '',
          products: [],
          sameBuyer: [],
        }));
        // In several batches, the turn carried from one to the next, as the settings keep it.
        let turns = { de: start };
        const counts = new Map(ps.map((p) => [p, 0]));
        const size = Math.ceil(n / batches) || 1;
        for (let i = 0; i < n; i += size) {
          const out = decideAssignments(s, cs.slice(i, i + size), turns);
          turns = out.turns as { de: number };
          for (const d of out.decisions) counts.set(d.owner, (counts.get(d.owner) ?? 0) + 1);
        }
        const values = [...counts.values()];
        expect(values.reduce((a, b) => a + b, 0)).toBe(n);
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        expect(turns.de).toBe(start + n);
      }),
    );
  });

  it('matches countries by code, regions by M49 code, industries and product keywords without case', () => {
    const c = (over: Partial<AssignmentCandidate>): AssignmentCandidate => ({
      customerId: 1,
      country: '',
      areas: [],
      industry: '',
      products: [],
      sameBuyer: [],
      ...over,
    });
    const r = (kind: AssignmentRule['kind'], values: string[]) => ({ id: 'a', kind, values, people: ['Li Na'] }) as AssignmentRule;
    expect(ruleMatches(r('country', ['DE', 'FR']), c({ country: 'de' }))).toBe(true);
    expect(ruleMatches(r('country', ['DE']), c({ country: '' }))).toBe(false);
    expect(ruleMatches(r('region', ['155']), c({ country: 'DE', areas: ['155', '150'] }))).toBe(true);
    expect(ruleMatches(r('industry', ['Lighting']), c({ industry: ' LIGHTING ' }))).toBe(true);
    expect(ruleMatches(r('industry', ['Light']), c({ industry: 'Lighting' }))).toBe(false);
    expect(ruleMatches(r('product', ['led']), c({ products: ['Inquiry about LED panels'] }))).toBe(true);
    expect(ruleMatches(r('product', ['ＬＥＤ']), c({ products: ['led strip'] }))).toBe(true);
    expect(ruleMatches(r('product', ['LED']), c({ products: ['Office chair'] }))).toBe(false);
  });
});

describe('the stored rules (assignmentSettingsSchema)', () => {
  it('are off by default and read as off when damaged', () => {
    expect(DEFAULT_ASSIGNMENT_SETTINGS).toEqual({ enabled: false, sameBuyer: true, rules: [], fallback: { kind: 'pool' } });
    expect(assignmentSettingsOf('nonsense')).toEqual(DEFAULT_ASSIGNMENT_SETTINGS);
    expect(assignmentSettingsOf({ enabled: true, rules: [{ id: 'a', kind: 'country', values: ['Germany'], people: ['Li Na'] }] })).toEqual(
      DEFAULT_ASSIGNMENT_SETTINGS,
    );
  });

  it('normalise what they keep and refuse what they cannot', () => {
    const parsed = assignmentSettingsSchema.parse({
      enabled: true,
      rules: [{ id: 'a', kind: 'country', values: ['de', 'DE', 'fr'], people: ['Li Na', 'li na', 'Wang Wei'] }],
    });
    expect(parsed.rules[0]).toEqual({ id: 'a', kind: 'country', values: ['DE', 'FR'], people: ['Li Na', 'Wang Wei'] });
    const bad = (input: unknown) => expect(assignmentSettingsSchema.safeParse(input).success).toBe(false);
    bad({ rules: [{ id: 'a', kind: 'country', values: [], people: ['Li Na'] }] });
    bad({ rules: [{ id: 'a', kind: 'region', values: ['Europe'], people: ['Li Na'] }] });
    bad({ rules: [{ id: 'a', kind: 'product', values: ['LED'], people: [] }] });
    bad({ rules: [{ id: 'a', kind: 'colour', values: ['red'], people: ['Li Na'] }] });
    bad({
      rules: [
        { id: 'a', kind: 'product', values: ['LED'], people: ['A'] },
        { id: 'a', kind: 'product', values: ['x'], people: ['B'] },
      ],
    });
    bad({ fallback: { kind: 'people', people: [] } });
  });
});
