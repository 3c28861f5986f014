import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pullOutputSchema, syncRowSchema } from '../../src/shared/team/sync';

const row = {
  tbl: 'customers',
  gid: '0190f3a2-7c4e-7d21-9a3b-1c2d3e4f5a6b',
  customerGid: '0190f3a2-7c4e-7d21-9a3b-1c2d3e4f5a6b',
  fields: { company: 'Acme', tags: ['a'], meta: { n: 1 }, notes: null },
  clocks: { company: '1765000000000-00000-00000000000000be' },
  seq: 12,
};

describe('a pulled page, as the laptop checks it', () => {
  it('takes rows of any JSON fields as they are (the same objects, not copies)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (fields) => {
        const parsed = JSON.parse(JSON.stringify({ ...row, fields })) as typeof row;
        const out = syncRowSchema.safeParse(parsed);
        expect(out.success).toBe(true);
        expect(out.data?.fields).toBe(parsed.fields);
      }),
    );
    const page = pullOutputSchema.parse({ rows: [row, { ...row, customerGid: null }], removed: [], conflicts: [], seq: 12, more: false });
    expect(page.rows).toHaveLength(2);
  });

  it('refuses a row of another shape: no uuid, fields not an object, a clock not text, no seq', () => {
    for (const bad of [
      { ...row, gid: 'nope' },
      { ...row, customerGid: 7 },
      { ...row, fields: ['company'] },
      { ...row, fields: null },
      { ...row, clocks: { company: 5 } },
      { ...row, seq: '12' },
      { ...row, seq: 1.5 },
      { ...row, tbl: undefined },
      null,
      'row',
    ]) {
      expect(syncRowSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(pullOutputSchema.safeParse({ rows: [bad], removed: [], conflicts: [], seq: 1, more: false }).success).toBe(false);
    }
  });
});
