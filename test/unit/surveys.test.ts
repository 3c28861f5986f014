import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SURVEY_RULES,
  addToTally,
  emptyTally,
  isDetractor,
  mergeTally,
  parseRecipientCode,
  questionsSchema,
  recipientCode,
  summarize,
  validateAnswers,
  type QuestionInput,
} from '../../src/shared/domain/surveys';

const tallyOf = (answers: readonly [number | null, number | null][]) =>
  answers.reduce((t, [nps, csat]) => addToTally(t, nps, csat), emptyTally());

/** NPS and CSAT per segment, from hand-made answers: [segment, nps, csat]. */
function bySegment(rows: readonly [string, number | null, number | null][]) {
  const groups = new Map<string, ReturnType<typeof emptyTally>>();
  for (const [segment, nps, csat] of rows) groups.set(segment, addToTally(groups.get(segment) ?? emptyTally(), nps, csat));
  return Object.fromEntries([...groups].map(([k, t]) => [k, summarize(t)]));
}

describe('NPS and CSAT', () => {
  it('zero responses give no score, not zero', () => {
    expect(summarize(emptyTally())).toEqual({
      responses: 0,
      npsCount: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      csatCount: 0,
      csatAvg: null,
    });
  });

  it('all promoters give +100; all detractors −100; passives do not count either way', () => {
    expect(
      summarize(
        tallyOf([
          [9, null],
          [10, null],
          [10, null],
        ]),
      ).nps,
    ).toBe(100);
    expect(
      summarize(
        tallyOf([
          [0, null],
          [6, null],
        ]),
      ).nps,
    ).toBe(-100);
    expect(
      summarize(
        tallyOf([
          [7, null],
          [8, null],
        ]),
      ),
    ).toMatchObject({ nps: 0, passives: 2, promoters: 0, detractors: 0 });
  });

  it('by segment on hand-made answers, a segment with one answer included', () => {
    const result = bySegment([
      ['champions', 10, 5],
      ['champions', 9, 4],
      ['champions', 6, 2],
      ['champions', 8, null],
      ['at_risk', 3, 1],
      ['at_risk', null, 3],
      ['new_customers', 9, 5],
    ]);
    // champions: 2 promoters, 1 detractor of 4 NPS answers → (2−1)/4 = +25; CSAT (5+4+2)/3 = 3.67.
    expect(result.champions).toMatchObject({
      responses: 4,
      npsCount: 4,
      promoters: 2,
      passives: 1,
      detractors: 1,
      nps: 25,
      csatCount: 3,
      csatAvg: 3.67,
    });
    // at_risk: one NPS answer (a detractor) → −100; CSAT (1+3)/2 = 2.
    expect(result.at_risk).toMatchObject({ responses: 2, npsCount: 1, nps: -100, csatCount: 2, csatAvg: 2 });
    expect(result.new_customers).toMatchObject({ responses: 1, nps: 100, csatAvg: 5 });
  });

  it('one decimal for NPS: 1 promoter of 3 is +33.3', () => {
    expect(
      summarize(
        tallyOf([
          [10, null],
          [7, null],
          [8, null],
        ]),
      ).nps,
    ).toBe(33.3);
  });

  it('merging tallies is the same as tallying everything at once (property)', () => {
    const answer = fc.tuple(
      fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    );
    fc.assert(
      fc.property(fc.array(answer), fc.array(answer), (a, b) => {
        expect(mergeTally(tallyOf(a), tallyOf(b))).toEqual(tallyOf([...a, ...b]));
        const s = summarize(tallyOf([...a, ...b]));
        if (s.nps !== null) expect(s.nps).toBeGreaterThanOrEqual(-100);
        if (s.nps !== null) expect(s.nps).toBeLessThanOrEqual(100);
        if (s.csatAvg !== null) expect(s.csatAvg).toBeGreaterThanOrEqual(1);
        expect(s.promoters + s.passives + s.detractors).toBe(s.npsCount);
      }),
    );
  });
});

describe('the detractor rule', () => {
  it('defaults: NPS 0–6 or CSAT 1–2 is unhappy; a missing score never is', () => {
    expect(isDetractor(DEFAULT_SURVEY_RULES, 6, null)).toBe(true);
    expect(isDetractor(DEFAULT_SURVEY_RULES, 7, null)).toBe(false);
    expect(isDetractor(DEFAULT_SURVEY_RULES, null, 2)).toBe(true);
    expect(isDetractor(DEFAULT_SURVEY_RULES, 9, 3)).toBe(false);
    expect(isDetractor(DEFAULT_SURVEY_RULES, 10, 1)).toBe(true);
    expect(isDetractor(DEFAULT_SURVEY_RULES, null, null)).toBe(false);
  });

  it('follows the configured thresholds', () => {
    const strict = { npsAtMost: 8, csatAtMost: 3 };
    expect(isDetractor(strict, 8, null)).toBe(true);
    expect(isDetractor(strict, null, 3)).toBe(true);
    expect(isDetractor({ npsAtMost: 0, csatAtMost: 1 }, 1, 2)).toBe(false);
  });
});

const QUESTIONS: QuestionInput[] = [
  { id: 'nps', type: 'nps', text: { en: 'Recommend?', zh: '推荐？' }, required: true },
  { id: 'csat', type: 'csat', text: { en: 'Satisfied?', zh: '满意？' } },
  { id: 'speed', type: 'rating', text: { en: 'Speed', zh: '速度' }, scaleMax: 7 },
  {
    id: 'best',
    type: 'single',
    text: { en: 'Best?', zh: '最好？' },
    options: [
      { id: 'price', text: { en: 'Price', zh: '价格' } },
      { id: 'quality', text: { en: 'Quality', zh: '质量' } },
    ],
  },
  {
    id: 'issues',
    type: 'multi',
    text: { en: 'Issues', zh: '问题' },
    options: [
      { id: 'late', text: { en: 'Late', zh: '延误' } },
      { id: 'broken', text: { en: 'Broken', zh: '破损' } },
    ],
  },
  { id: 'comment', type: 'text', text: { en: 'Comment', zh: '意见' } },
];
const questions = questionsSchema.parse(QUESTIONS);

describe('answers', () => {
  it('are checked against the questions: required, ranges, options, unknown ids', () => {
    expect(
      validateAnswers(questions, { nps: 9, csat: '4', speed: 7, best: 'price', issues: ['broken', 'late'], comment: '  fine  ' }),
    ).toEqual({
      ok: true,
      answers: { nps: 9, csat: 4, speed: 7, best: 'price', issues: ['late', 'broken'], comment: 'fine' },
    });
    expect(validateAnswers(questions, { csat: 6, speed: 0, best: 'colour', issues: ['late', 'wet'], extra: 'x' })).toEqual({
      ok: false,
      problems: { nps: 'required', csat: 'range', speed: 'range', best: 'option', issues: 'option', extra: 'unknown' },
    });
    expect(validateAnswers(questions, { nps: 9.5 })).toEqual({ ok: false, problems: { nps: 'type' } });
    // Unanswered optional questions are simply left out.
    expect(validateAnswers(questions, { nps: 0, comment: '', issues: [] })).toEqual({ ok: true, answers: { nps: 0 } });
  });

  it('a template refuses duplicate ids, two NPS questions and choice questions without options', () => {
    const dup = questionsSchema.safeParse([QUESTIONS[0], QUESTIONS[0]]);
    expect(dup.success).toBe(false);
    const twoNps = questionsSchema.safeParse([QUESTIONS[0], { ...QUESTIONS[0], id: 'nps2' }]);
    expect(twoNps.success).toBe(false);
    const noOptions = questionsSchema.safeParse([{ id: 'x', type: 'single', text: { en: 'X', zh: 'X' } }]);
    expect(noOptions.success).toBe(false);
    expect(questionsSchema.safeParse([{ id: 'code', type: 'text', text: { en: 'X', zh: 'X' } }]).success).toBe(false);
  });
});

describe('recipient codes', () => {
  it('read back exactly, forgiving case and spaces (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 10_000_000 }), (campaignId, customerId) => {
        const code = recipientCode(campaignId, customerId);
        expect(parseRecipientCode(code)).toEqual({ campaignId, customerId });
        expect(parseRecipientCode(` ${code.toLowerCase().replace(/-/g, ' - ')} `)).toEqual({ campaignId, customerId });
      }),
    );
  });

  it('a mistyped digit is caught by the check letters', () => {
    let caught = 0;
    let tried = 0;
    for (let customerId = 1; customerId <= 2000; customerId += 1) {
      const [camp, , check] = recipientCode(7, customerId).split('-');
      const typo = customerId + 1;
      tried += 1;
      if (parseRecipientCode(`${camp}-${typo}-${check}`) === null) caught += 1;
    }
    // Two letters from 24: about 1 in 576 typos slips through.
    expect(caught / tried).toBeGreaterThan(0.99);
    expect(parseRecipientCode('7-12')).toBeNull();
    expect(parseRecipientCode('hello')).toBeNull();
  });
});
