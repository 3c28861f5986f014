import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimRefusal,
  coolingEnds,
  DEFAULT_POOL_RULES,
  poolReturnDue,
  poolRulesOf,
  poolRulesRow,
  poolRulesSchema,
  type HeldCustomer,
  type PoolRules,
} from '../../src/shared/domain/pool';
import { returnsAt } from '../../src/main/services/pool/facts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T00:00:00.000Z');
const ms = fc.integer({ min: NOW - 2000 * DAY, max: NOW + 2000 * DAY });
const iso = ms.map((t) => new Date(t).toISOString());
const days = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: null });
const rules: fc.Arbitrary<PoolRules> = fc.record({
  returnAfterFollowupDays: days(3650),
  returnAfterOrderDays: days(3650),
  cap: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  wonOutsideCap: fc.boolean(),
  coolingDays: fc.integer({ min: 0, max: 365 }),
});
const name = fc.constantFrom('Lily', 'Bob', 'Li Na', '王芳');
const held: fc.Arbitrary<HeldCustomer> = fc.record({
  ownedSince: iso,
  lastDoneAt: fc.option(iso, { nil: null }),
  lastOrderAt: fc.option(iso, { nil: null }),
});

describe('the pool rules (claimRefusal, coolingEnds)', () => {
  it('refuses exactly as the rules say, in the order taken, cap, cooling', () => {
    fc.assert(
      fc.property(
        rules,
        fc.option(name, { nil: null }),
        name,
        fc.integer({ min: 0, max: 60 }),
        fc.option(ms, { nil: null }),
        ms,
        (r, owner, me, n, released, now) => {
          const releasedByMeAt = released === null ? null : new Date(released).toISOString();
          const got = claimRefusal(r, { owner, me, held: n, releasedByMeAt, now });
          const cooling = released !== null && r.coolingDays > 0 && now - released < r.coolingDays * DAY;
          const expected =
            owner === me
              ? null
              : owner !== null
                ? 'POOL_TAKEN'
                : r.cap !== null && n >= r.cap
                  ? 'POOL_CAP'
                  : cooling
                    ? 'POOL_COOLING'
                    : null;
          expect(got).toBe(expected);
          // The renderer's "claimable from": there exactly while cooling refuses, and then the claim is allowed.
          if (owner === null && (r.cap === null || n < r.cap)) {
            const end = coolingEnds(r, releasedByMeAt, now);
            expect(end !== null).toBe(got === 'POOL_COOLING');
            if (end !== null) expect(claimRefusal(r, { owner, me, held: n, releasedByMeAt, now: Date.parse(end) })).toBeNull();
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips through the stored row, and a row out of range reads as the defaults', () => {
    fc.assert(
      fc.property(rules, (r) => {
        expect(poolRulesOf(poolRulesRow(r))).toEqual(r);
        expect(poolRulesSchema.parse(r)).toEqual(r);
      }),
    );
    expect(poolRulesOf(null)).toEqual(DEFAULT_POOL_RULES);
    expect(poolRulesOf({ ...poolRulesRow(DEFAULT_POOL_RULES), cooling_days: -1 })).toEqual(DEFAULT_POOL_RULES);
  });
});

describe('the return rules (poolReturnDue) and the date the customer panel shows (returnsAt)', () => {
  it('returnsAt is the first moment poolReturnDue says due, with the same rule; due stays due', () => {
    fc.assert(
      fc.property(rules, held, fc.integer({ min: 0, max: 4000 * DAY }), (r, c, later) => {
        const at = returnsAt(r, c);
        if (at === null) {
          expect(r.returnAfterFollowupDays === null && r.returnAfterOrderDays === null).toBe(true);
          expect(poolReturnDue(r, c, NOW + 5000 * DAY)).toBeNull();
          return;
        }
        const t = Date.parse(at.at);
        expect(poolReturnDue(r, c, t - 1)).toBeNull();
        const due = poolReturnDue(r, c, t);
        expect(due).toMatchObject({ kind: at.kind, days: at.days });
        expect(poolReturnDue(r, c, t + later)).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('never returns a customer for what happened before its owner got it, nor one just claimed', () => {
    fc.assert(
      fc.property(rules, held, (r, c) => {
        const since = Date.parse(c.ownedSince);
        expect(poolReturnDue(r, c, since)).toBeNull();
        // Activity before the claim counts as none: the same as without it.
        const before = (x: string | null) => (x !== null && Date.parse(x) < since ? null : x);
        const now = since + 400 * DAY;
        expect(poolReturnDue(r, c, now)?.kind).toBe(
          poolReturnDue(r, { ...c, lastDoneAt: before(c.lastDoneAt), lastOrderAt: before(c.lastOrderAt) }, now)?.kind,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
