import { z } from 'zod';
import { customerFilterSchema } from './customer';
import { COMPLAINT_SEVERITIES } from './relationship';

/**
 * Satisfaction surveys: templates of bilingual questions, campaigns sent to a segment, one
 * response per customer per campaign, results (NPS, CSAT) by segment, and the detractor rule that
 * turns an unhappy answer into a complaint or a follow-up.
 */

export const QUESTION_TYPES = ['nps', 'csat', 'single', 'multi', 'rating', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SURVEY_LANGUAGES = ['en', 'zh-CN'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

export const RECIPIENT_STATES = ['not_sent', 'sent', 'answered', 'declined'] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** How results can be broken down; every key but "campaign" reads the customer as it was when they answered. */
export const RESULT_DIMENSIONS = ['overall', 'continent', 'region', 'country', 'industry', 'tier', 'segment', 'owner'] as const;
export type ResultDimension = (typeof RESULT_DIMENSIONS)[number];

export const RESPONSE_CHANNELS = ['manual', 'import'] as const;

const localizedText = (max: number) =>
  z.strictObject({
    en: z.string().trim().min(1, 'required').max(max),
    zh: z.string().trim().min(1, 'required').max(max),
  });
export type LocalizedText = { en: string; zh: string };

const slug = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'use lower-case letters, digits and _');

export const questionOptionSchema = z.strictObject({ id: slug, text: localizedText(200) });

export const questionSchema = z
  .strictObject({
    id: slug,
    type: z.enum(QUESTION_TYPES),
    text: localizedText(500),
    required: z.boolean().default(false),
    /** single / multi: the choices (2–20). */
    options: z.array(questionOptionSchema).max(20).default([]),
    /** rating: 1..scaleMax. */
    scaleMax: z.number().int().min(3).max(10).default(5),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === 'single' || q.type === 'multi';
    if (choice && q.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least two options' });
    if (!choice && q.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
    const ids = new Set<string>();
    q.options.forEach((o, i) => {
      if (ids.has(o.id)) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: 'option ids must be unique' });
      ids.add(o.id);
    });
  });
export type Question = z.output<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

/** Reserved column names of a responses file; a question may not use them as its id. */
export const RESERVED_IDS = ['code', 'answered_at', 'declined'] as const;

export const questionsSchema = z
  .array(questionSchema)
  .min(1, 'a survey needs at least one question')
  .max(50)
  .superRefine((qs, ctx) => {
    const ids = new Set<string>();
    qs.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'question ids must be unique' });
      if ((RESERVED_IDS as readonly string[]).includes(q.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'this id is reserved' });
      ids.add(q.id);
    });
    for (const type of ['nps', 'csat'] as const) {
      if (qs.filter((q) => q.type === type).length > 1) ctx.addIssue({ code: 'custom', path: [], message: `at most one ${type} question` });
    }
  });

export const templateInputSchema = z.strictObject({
  name: localizedText(120),
  questions: questionsSchema,
});
export type TemplateInput = z.input<typeof templateInputSchema>;

export const templateSchema = z.object({
  id: z.number().int(),
  /** after_delivery / yearly_relationship / after_complaint for the ready-made ones; null for the firm's own. */
  builtin: z.string().nullable(),
  name: z.object({ en: z.string(), zh: z.string() }),
  questions: z.array(questionSchema),
  campaigns: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SurveyTemplate = z.output<typeof templateSchema>;

export const recipientCountsSchema = z.object({
  total: z.number().int(),
  not_sent: z.number().int(),
  sent: z.number().int(),
  answered: z.number().int(),
  declined: z.number().int(),
});

export const campaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  templateId: z.number().int().nullable(),
  templateName: z.object({ en: z.string(), zh: z.string() }),
  /** The questions as they were when the campaign was created (template edits do not change it). */
  questions: z.array(questionSchema),
  /** What the campaign was sent to, in the user's words ("Board: tier A", a saved view's name). */
  sourceLabel: z.string(),
  counts: recipientCountsSchema,
  createdAt: z.string(),
  version: z.number().int(),
});
export type SurveyCampaign = z.output<typeof campaignSchema>;

export const campaignCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'required').max(120),
  templateId: z.number().int().positive(),
  sourceLabel: z.string().trim().max(200).default(''),
  filter: customerFilterSchema,
});

export const recipientSchema = z.object({
  customerId: z.number().int(),
  company: z.string(),
  country: z.string(),
  owner: z.string(),
  tier: z.string(),
  segment: z.string(),
  code: z.string(),
  language: z.enum(SURVEY_LANGUAGES),
  state: z.enum(RECIPIENT_STATES),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  responseId: z.number().int().nullable(),
});
export type SurveyRecipient = z.output<typeof recipientSchema>;

/** One answer as entered: a number (NPS, CSAT, rating), an option id (single), option ids (multi) or text. */
export const answerValueSchema = z.union([z.number(), z.string().max(5000), z.array(z.string().max(200)).max(20), z.null()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export const answersSchema = z.record(slug, answerValueSchema);
export type Answers = Record<string, AnswerValue>;

export const responseSchema = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  customerId: z.number().int(),
  company: z.string(),
  answeredAt: z.string(),
  channel: z.enum(RESPONSE_CHANNELS),
  nps: z.number().int().nullable(),
  csat: z.number().int().nullable(),
  detractor: z.boolean(),
  answers: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string())])),
  /** The customer when they answered: what results group by. */
  country: z.string(),
  continent: z.string(),
  region: z.string(),
  industry: z.string(),
  tier: z.string(),
  segment: z.string(),
  owner: z.string(),
  complaintId: z.number().int().nullable(),
  followUpId: z.number().int().nullable(),
});
export type SurveyResponse = z.output<typeof responseSchema>;

/** When an answer counts as unhappy and what the app does about it (settings key "surveyRules"). */
export const DETRACTOR_ACTIONS = ['complaint', 'followup', 'none'] as const;
export const surveyRulesSchema = z.strictObject({
  /** An NPS answer at or below this is a detractor (the NPS formula itself always uses 0–6). */
  npsAtMost: z.number().int().min(0).max(10).default(6),
  /** A CSAT answer at or below this is unhappy. */
  csatAtMost: z.number().int().min(1).max(5).default(2),
  action: z.enum(DETRACTOR_ACTIONS).default('complaint'),
  complaintSeverity: z.enum(COMPLAINT_SEVERITIES).default('high'),
  /** Days until the follow-up is due when the action is "followup". */
  followUpDays: z.number().int().min(0).max(30).default(1),
});
export type SurveyRules = z.output<typeof surveyRulesSchema>;
export const DEFAULT_SURVEY_RULES: SurveyRules = surveyRulesSchema.parse({});

export const scoreSummarySchema = z.object({
  responses: z.number().int(),
  npsCount: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  /** −100..100, null when nobody answered the NPS question. */
  nps: z.number().nullable(),
  csatCount: z.number().int(),
  /** 1..5, null when nobody answered the CSAT question. */
  csatAvg: z.number().nullable(),
});
export type ScoreSummary = z.output<typeof scoreSummarySchema>;

export const resultGroupSchema = scoreSummarySchema.extend({ key: z.string() });

// ---- pure rules ----------------------------------------------------------------------------

/** Tallies of NPS and CSAT answers; `summarize` turns them into the figures. */
export interface ScoreTally {
  responses: number;
  npsCount: number;
  promoters: number;
  detractors: number;
  csatCount: number;
  csatSum: number;
}

export const emptyTally = (): ScoreTally => ({ responses: 0, npsCount: 0, promoters: 0, detractors: 0, csatCount: 0, csatSum: 0 });

export function addToTally(t: ScoreTally, nps: number | null, csat: number | null): ScoreTally {
  t.responses += 1;
  if (nps !== null) {
    t.npsCount += 1;
    if (nps >= 9) t.promoters += 1;
    else if (nps <= 6) t.detractors += 1;
  }
  if (csat !== null) {
    t.csatCount += 1;
    t.csatSum += csat;
  }
  return t;
}

export function mergeTally(a: ScoreTally, b: ScoreTally): ScoreTally {
  return {
    responses: a.responses + b.responses,
    npsCount: a.npsCount + b.npsCount,
    promoters: a.promoters + b.promoters,
    detractors: a.detractors + b.detractors,
    csatCount: a.csatCount + b.csatCount,
    csatSum: a.csatSum + b.csatSum,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** NPS = % promoters (9–10) − % detractors (0–6), one decimal; CSAT = average of 1–5, two decimals. */
export function summarize(t: ScoreTally): ScoreSummary {
  return {
    responses: t.responses,
    npsCount: t.npsCount,
    promoters: t.promoters,
    passives: t.npsCount - t.promoters - t.detractors,
    detractors: t.detractors,
    nps: t.npsCount === 0 ? null : round1(((t.promoters - t.detractors) * 100) / t.npsCount),
    csatCount: t.csatCount,
    csatAvg: t.csatCount === 0 ? null : round2(t.csatSum / t.csatCount),
  };
}

/** Whether an answer is unhappy enough to act on, by the firm's rule. */
export function isDetractor(rules: Pick<SurveyRules, 'npsAtMost' | 'csatAtMost'>, nps: number | null, csat: number | null): boolean {
  return (nps !== null && nps <= rules.npsAtMost) || (csat !== null && csat <= rules.csatAtMost);
}

/** The language a questionnaire goes out in: Chinese for Greater China, English elsewhere. */
export function surveyLanguageFor(country: string): SurveyLanguage {
  return ['CN', 'TW', 'HK', 'MO'].includes(country.toUpperCase()) ? 'zh-CN' : 'en';
}

/** The text of a question or option in a language. */
export function localized(text: LocalizedText, language: SurveyLanguage): string {
  return language === 'zh-CN' ? text.zh : text.en;
}

/** The scale of a numeric question, or null for choice and text questions. */
export function scaleOf(q: Pick<Question, 'type' | 'scaleMax'>): { min: number; max: number } | null {
  if (q.type === 'nps') return { min: 0, max: 10 };
  if (q.type === 'csat') return { min: 1, max: 5 };
  if (q.type === 'rating') return { min: 1, max: q.scaleMax };
  return null;
}

/**
 * Checks and normalises a response against the campaign's questions. Returns the clean answers
 * (unanswered questions left out) or the problems by question id: `required`, `range`, `option`,
 * `type`, `unknown` (no such question).
 */
export function validateAnswers(
  questions: readonly Question[],
  answers: Answers,
): { ok: true; answers: Record<string, number | string | string[]> } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const clean: Record<string, number | string | string[]> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) if (!byId.has(key)) problems[key] = 'unknown';
  for (const q of questions) {
    const raw = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    const empty =
      raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (q.required) problems[q.id] = 'required';
      continue;
    }
    const scale = scaleOf(q);
    if (scale) {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(n)) problems[q.id] = 'type';
      else if (n < scale.min || n > scale.max) problems[q.id] = 'range';
      else clean[q.id] = n;
    } else if (q.type === 'single') {
      if (typeof raw !== 'string') problems[q.id] = 'type';
      else if (!q.options.some((o) => o.id === raw)) problems[q.id] = 'option';
      else clean[q.id] = raw;
    } else if (q.type === 'multi') {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : null;
      if (!list) problems[q.id] = 'type';
      else if (list.some((id) => !q.options.some((o) => o.id === id))) problems[q.id] = 'option';
      else clean[q.id] = q.options.filter((o) => list.includes(o.id)).map((o) => o.id);
    } else {
      if (typeof raw !== 'string') problems[q.id] = 'type';
      else clean[q.id] = raw.trim();
    }
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, answers: clean };
}

/** The NPS and CSAT of clean answers (the first question of each type). */
export function headlineScores(
  questions: readonly Question[],
  answers: Record<string, number | string | string[]>,
): { nps: number | null; csat: number | null } {
  const pick = (type: 'nps' | 'csat') => {
    const q = questions.find((x) => x.type === type);
    const v = q ? answers[q.id] : undefined;
    return typeof v === 'number' ? v : null;
  };
  return { nps: pick('nps'), csat: pick('csat') };
}

/**
 * A recipient's code: campaign, customer and a two-letter check, e.g. "7-1042-KQ". The check
 * catches a mistyped digit in a returned file.
 */
export function recipientCode(campaignId: number, customerId: number): string {
  return `${campaignId}-${customerId}-${codeCheck(campaignId, customerId)}`;
}

const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

function codeCheck(campaignId: number, customerId: number): string {
  let h = 2166136261;
  for (const ch of `${campaignId}:${customerId}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return `${CHECK_ALPHABET[h % 24]}${CHECK_ALPHABET[Math.floor(h / 24) % 24]}`;
}

/** Reads a code back (spaces, case and a leading "#" forgiven); null when it is not a valid code. */
export function parseRecipientCode(text: string): { campaignId: number; customerId: number } | null {
  const m = /^#?\s*(\d{1,9})\s*-\s*(\d{1,12})\s*-\s*([a-z]{2})\s*$/i.exec(text.trim());
  if (!m) return null;
  const campaignId = Number(m[1]);
  const customerId = Number(m[2]);
  return codeCheck(campaignId, customerId) === (m[3] ?? '').toUpperCase() ? { campaignId, customerId } : null;
}

// ---- responses files -----------------------------------------------------------------------

export const IMPORT_PROBLEMS = ['unknown_code', 'other_campaign', 'not_recipient', 'answers', 'duplicate_code', 'bad_date'] as const;
export const surveyImportReportSchema = z.object({
  rows: z.number().int(),
  /** Rows that would be (dry run) or were written. */
  ready: z.number().int(),
  imported: z.number().int(),
  alreadyAnswered: z.number().int(),
  empty: z.number().int(),
  detractors: z.number().int(),
  complaintsOpened: z.number().int(),
  followUpsOpened: z.number().int(),
  columns: z.array(
    z.object({ header: z.string(), role: z.enum(['code', 'answered_at', 'question', 'ignored']), questionId: z.string().nullable() }),
  ),
  problems: z.array(
    z.object({
      /** The row number the user sees in the file. */
      row: z.number().int(),
      code: z.enum(IMPORT_PROBLEMS),
      customerCode: z.string(),
      /** For `answers`: problem by question id (required, range, option, type). */
      questions: z.record(z.string(), z.string()),
    }),
  ),
});
export type SurveyImportReport = z.output<typeof surveyImportReportSchema>;
