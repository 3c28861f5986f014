/**
 * Satisfaction surveys: templates, campaigns sent to a segment, recipients and their states,
 * responses (entered by hand or imported), results by segment and the detractor rule.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { CustomerFilter } from '../../shared/domain/customer';
import {
  DEFAULT_SURVEY_RULES,
  emptyTally,
  headlineScores,
  isDetractor,
  mergeTally,
  questionsSchema,
  recipientCode,
  summarize,
  surveyLanguageFor,
  surveyRulesSchema,
  validateAnswers,
  type Answers,
  type Question,
  type ResultDimension,
  type ScoreTally,
  type SurveyCampaign,
  type SurveyRecipient,
  type SurveyResponse,
  type SurveyRules,
  type SurveyTemplate,
} from '../../shared/domain/surveys';
import { AppError } from '../../shared/errors';
import { addLocalDays } from '../../shared/time/zoned';
import { continentOf, regionOf } from '../geo/regions';
import { isoNow, type ServiceContext } from './context';
import { filteredCustomers } from './customers';
import { insertComplaint } from './relationship';
import { readSetting, writeSetting } from './settings';
import type { SqliteDb } from '../db/connection';

// ---- templates -----------------------------------------------------------------------------

interface TemplateRow {
  id: number;
  builtin: string | null;
  name_en: string;
  name_zh: string;
  questions: string;
  version: number;
  created_at: string;
  updated_at: string;
  campaigns: number;
}

const TEMPLATE_SELECT = `SELECT t.id, t.builtin, t.name_en, t.name_zh, t.questions, t.version, t.created_at, t.updated_at,
  (SELECT count(*) FROM survey_campaigns c WHERE c.template_id = t.id) AS campaigns FROM survey_templates t`;

function parseQuestions(json: string): Question[] {
  return questionsSchema.parse(JSON.parse(json));
}

const toTemplate = (r: TemplateRow): SurveyTemplate => ({
  id: r.id,
  builtin: r.builtin,
  name: { en: r.name_en, zh: r.name_zh },
  questions: parseQuestions(r.questions),
  campaigns: r.campaigns,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listTemplates(ctx: ServiceContext): SurveyTemplate[] {
  const rows = ctx.readSqlite.prepare(`${TEMPLATE_SELECT} ORDER BY t.builtin IS NULL, t.id`).all() as TemplateRow[];
  return rows.map(toTemplate);
}

/** Creates a template (no id) or changes one; ready-made templates are copied, never changed. */
export async function saveTemplate(ctx: ServiceContext, input: ChannelParsedInput<'surveys.saveTemplate'>): Promise<SurveyTemplate> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const questions = JSON.stringify(input.template.questions);
    let id = input.id;
    if (id === undefined) {
      id = Number(
        ctx.sqlite
          .prepare(`INSERT INTO survey_templates (name_en, name_zh, questions, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
          .run(input.template.name.en, input.template.name.zh, questions, now, now).lastInsertRowid,
      );
    } else {
      const row = ctx.sqlite.prepare(`SELECT builtin, version FROM survey_templates WHERE id = ?`).get(id) as { builtin: string | null; version: number } | undefined;
      if (!row) throw new AppError('NOT_FOUND', `survey template ${id} does not exist`, { id });
      if (row.builtin) throw new AppError('SURVEY_TEMPLATE_READONLY', 'ready-made templates cannot be changed; save a copy', { id });
      if (input.version !== row.version) throw new AppError('CONFLICT', `survey template ${id} was changed elsewhere`, { id, expectedVersion: input.version, currentVersion: row.version });
      ctx.sqlite
        .prepare(`UPDATE survey_templates SET name_en = ?, name_zh = ?, questions = ?, updated_at = ?, version = version + 1 WHERE id = ?`)
        .run(input.template.name.en, input.template.name.zh, questions, now, id);
    }
    return toTemplate(ctx.sqlite.prepare(`${TEMPLATE_SELECT} WHERE t.id = ?`).get(id) as TemplateRow);
  });
}

export async function deleteTemplate(ctx: ServiceContext, id: number): Promise<{ deleted: boolean }> {
  return ctx.kysely.transaction().execute(async () => {
    const row = ctx.sqlite.prepare(`SELECT builtin FROM survey_templates WHERE id = ?`).get(id) as { builtin: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `survey template ${id} does not exist`, { id });
    if (row.builtin) throw new AppError('SURVEY_TEMPLATE_READONLY', 'ready-made templates cannot be deleted', { id });
    // Campaigns keep their own copy of the questions; they only lose the link.
    ctx.sqlite.prepare(`DELETE FROM survey_templates WHERE id = ?`).run(id);
    return { deleted: true };
  });
}

// ---- campaigns -----------------------------------------------------------------------------

interface CampaignRow {
  id: number;
  name: string;
  template_id: number | null;
  template_name_en: string;
  template_name_zh: string;
  questions: string;
  source_label: string;
  created_at: string;
  version: number;
  total: number;
  not_sent: number;
  sent: number;
  answered: number;
  declined: number;
}

const CAMPAIGN_SELECT = `SELECT c.id, c.name, c.template_id, c.template_name_en, c.template_name_zh, c.questions, c.source_label, c.created_at, c.version,
  count(r.customer_id) AS total,
  coalesce(sum(r.state = 'not_sent'), 0) AS not_sent, coalesce(sum(r.state = 'sent'), 0) AS sent,
  coalesce(sum(r.state = 'answered'), 0) AS answered, coalesce(sum(r.state = 'declined'), 0) AS declined
  FROM survey_campaigns c LEFT JOIN survey_recipients r ON r.campaign_id = c.id`;

const toCampaign = (r: CampaignRow): SurveyCampaign => ({
  id: r.id,
  name: r.name,
  templateId: r.template_id,
  templateName: { en: r.template_name_en, zh: r.template_name_zh },
  questions: parseQuestions(r.questions),
  sourceLabel: r.source_label,
  counts: { total: r.total, not_sent: r.not_sent, sent: r.sent, answered: r.answered, declined: r.declined },
  createdAt: r.created_at,
  version: r.version,
});

function loadCampaign(sqlite: SqliteDb, id: number): SurveyCampaign {
  const row = sqlite.prepare(`${CAMPAIGN_SELECT} WHERE c.id = ? GROUP BY c.id`).get(id) as CampaignRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `survey campaign ${id} does not exist`, { id });
  return toCampaign(row);
}

export function getCampaign(ctx: ServiceContext, id: number): SurveyCampaign {
  return loadCampaign(ctx.readSqlite, id);
}

export function listCampaigns(ctx: ServiceContext): SurveyCampaign[] {
  const rows = ctx.readSqlite.prepare(`${CAMPAIGN_SELECT} GROUP BY c.id ORDER BY c.created_at DESC, c.id DESC`).all() as CampaignRow[];
  return rows.map(toCampaign);
}

/** The ids and countries of the customers a filter selects, read on the write connection (inside the caller's transaction). */
function selectCustomers(ctx: ServiceContext, filter: CustomerFilter): { id: number; country: string }[] {
  const q = filteredCustomers(ctx, filter).select(['c.id', 'c.country']).orderBy('c.id').compile();
  return ctx.sqlite.prepare(q.sql).all(...(q.parameters as unknown[])) as { id: number; country: string }[];
}

/** Creates a campaign for the customers a filter selects (a saved view, a board class…), one recipient each. */
export async function createCampaign(ctx: ServiceContext, input: ChannelParsedInput<'surveys.createCampaign'>): Promise<SurveyCampaign> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const tpl = ctx.sqlite.prepare(`SELECT id, name_en, name_zh, questions FROM survey_templates WHERE id = ?`).get(input.templateId) as
      | { id: number; name_en: string; name_zh: string; questions: string }
      | undefined;
    if (!tpl) throw new AppError('NOT_FOUND', `survey template ${input.templateId} does not exist`, { id: input.templateId });
    const customers = selectCustomers(ctx, input.filter);
    if (customers.length === 0) throw new AppError('SURVEY_NO_RECIPIENTS', 'no customer matches the chosen segment');
    const id = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO survey_campaigns (name, template_id, template_name_en, template_name_zh, questions, source_label, source_filter, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.name, tpl.id, tpl.name_en, tpl.name_zh, tpl.questions, input.sourceLabel, JSON.stringify(input.filter), now, now).lastInsertRowid,
    );
    const insert = ctx.sqlite.prepare(`INSERT INTO survey_recipients (campaign_id, customer_id, code, language, updated_at) VALUES (?, ?, ?, ?, ?)`);
    for (const c of customers) insert.run(id, c.id, recipientCode(id, c.id), surveyLanguageFor(c.country), now);
    return loadCampaign(ctx.sqlite, id);
  });
}

export async function renameCampaign(ctx: ServiceContext, input: ChannelParsedInput<'surveys.renameCampaign'>): Promise<SurveyCampaign> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const row = ctx.sqlite.prepare(`SELECT version FROM survey_campaigns WHERE id = ?`).get(input.id) as { version: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `survey campaign ${input.id} does not exist`, { id: input.id });
    if (row.version !== input.version) throw new AppError('CONFLICT', `survey campaign ${input.id} was changed elsewhere`, { id: input.id });
    ctx.sqlite.prepare(`UPDATE survey_campaigns SET name = ?, updated_at = ?, version = version + 1 WHERE id = ?`).run(input.name, now, input.id);
    return loadCampaign(ctx.sqlite, input.id);
  });
}

// ---- recipients ----------------------------------------------------------------------------

interface RecipientRow {
  customer_id: number;
  company: string;
  country: string;
  owner: string;
  value_tier: string;
  rfm_segment: string;
  code: string;
  language: SurveyRecipient['language'];
  state: SurveyRecipient['state'];
  sent_at: string | null;
  answered_at: string | null;
  declined_at: string | null;
  response_id: number | null;
}

const RECIPIENT_SELECT = `SELECT r.customer_id, c.company, c.country, c.owner, c.value_tier, c.rfm_segment, r.code, r.language, r.state,
  r.sent_at, r.answered_at, r.declined_at,
  (SELECT s.id FROM survey_responses s WHERE s.campaign_id = r.campaign_id AND s.customer_id = r.customer_id) AS response_id
  FROM survey_recipients r JOIN customers c ON c.id = r.customer_id`;

const toRecipient = (r: RecipientRow): SurveyRecipient => ({
  customerId: r.customer_id,
  company: r.company,
  country: r.country,
  owner: r.owner,
  tier: r.value_tier,
  segment: r.rfm_segment,
  code: r.code,
  language: r.language,
  state: r.state,
  sentAt: r.sent_at,
  answeredAt: r.answered_at,
  declinedAt: r.declined_at,
  responseId: r.response_id,
});

export function listRecipients(ctx: ServiceContext, input: ChannelParsedInput<'surveys.recipients'>): ChannelOutput<'surveys.recipients'> {
  assertCampaign(ctx.readSqlite, input.campaignId);
  const where = ['r.campaign_id = @campaign'];
  if (input.states.length) where.push(`r.state IN (${input.states.map((_, i) => `@s${i}`).join(', ')})`);
  const search = input.search.trim();
  if (search) where.push(`(c.company LIKE @search ESCAPE '\\' OR r.code LIKE @search ESCAPE '\\')`);
  const params: Record<string, unknown> = { campaign: input.campaignId, limit: input.limit + 1, offset: input.offset };
  input.states.forEach((s, i) => (params[`s${i}`] = s));
  if (search) params.search = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const rows = ctx.readSqlite
    .prepare(`${RECIPIENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.company COLLATE NOCASE, r.customer_id LIMIT @limit OFFSET @offset`)
    .all(params) as RecipientRow[];
  const total = (ctx.readSqlite.prepare(`SELECT count(*) AS n FROM survey_recipients r JOIN customers c ON c.id = r.customer_id WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
  return { items: rows.slice(0, input.limit).map(toRecipient), total };
}

/**
 * Marks recipients sent / declined / not sent, or changes the questionnaire's language.
 * Answered recipients keep their state (their response decides it).
 */
export async function updateRecipients(ctx: ServiceContext, input: ChannelParsedInput<'surveys.updateRecipients'>): Promise<{ changed: number; skippedAnswered: number }> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    assertCampaign(ctx.sqlite, input.campaignId);
    const get = ctx.sqlite.prepare(`SELECT state FROM survey_recipients WHERE campaign_id = ? AND customer_id = ?`);
    const setState = ctx.sqlite.prepare(
      `UPDATE survey_recipients SET state = @state, updated_at = @now,
         sent_at = CASE WHEN @state = 'sent' THEN coalesce(sent_at, @now) WHEN @state = 'not_sent' THEN NULL ELSE sent_at END,
         declined_at = CASE WHEN @state = 'declined' THEN @now ELSE NULL END
       WHERE campaign_id = @campaign AND customer_id = @customer`,
    );
    const setLanguage = ctx.sqlite.prepare(`UPDATE survey_recipients SET language = ?, updated_at = ? WHERE campaign_id = ? AND customer_id = ?`);
    let changed = 0;
    let skippedAnswered = 0;
    for (const customerId of input.customerIds) {
      const row = get.get(input.campaignId, customerId) as { state: string } | undefined;
      if (!row) throw new AppError('SURVEY_NOT_RECIPIENT', `customer ${customerId} is not in campaign ${input.campaignId}`, { customerId });
      if (input.language) setLanguage.run(input.language, now, input.campaignId, customerId);
      if (input.state) {
        if (row.state === 'answered') {
          skippedAnswered += 1;
          continue;
        }
        setState.run({ state: input.state, now, campaign: input.campaignId, customer: customerId });
      }
      changed += 1;
    }
    return { changed, skippedAnswered };
  });
}

// ---- responses -----------------------------------------------------------------------------

export function readSurveyRules(sqlite: SqliteDb): SurveyRules {
  const stored = readSetting<unknown>(sqlite, 'surveyRules');
  const parsed = surveyRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SURVEY_RULES;
}

export async function saveSurveyRules(ctx: ServiceContext, rules: SurveyRules): Promise<SurveyRules> {
  return ctx.kysely.transaction().execute(async () => {
    writeSetting(ctx.sqlite, 'surveyRules', rules, isoNow(ctx));
    return rules;
  });
}

/** A campaign's name, template name and questions: what answering, files and results need (no recipient counts). */
export interface CampaignQuestions {
  id: number;
  name: string;
  templateName: { en: string; zh: string };
  questions: Question[];
}

/** The campaign's questions (NOT_FOUND when there is no such campaign); cheap, unlike the counted campaign. */
export function campaignQuestions(sqlite: SqliteDb, id: number): CampaignQuestions {
  const row = sqlite.prepare(`SELECT id, name, template_name_en, template_name_zh, questions FROM survey_campaigns WHERE id = ?`).get(id) as
    | { id: number; name: string; template_name_en: string; template_name_zh: string; questions: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `survey campaign ${id} does not exist`, { id });
  return { id: row.id, name: row.name, templateName: { en: row.template_name_en, zh: row.template_name_zh }, questions: parseQuestions(row.questions) };
}

/** NOT_FOUND unless the campaign exists (without counting its recipients). */
function assertCampaign(sqlite: SqliteDb, id: number): void {
  if (!sqlite.prepare(`SELECT 1 FROM survey_campaigns WHERE id = ?`).get(id)) throw new AppError('NOT_FOUND', `survey campaign ${id} does not exist`, { id });
}

export interface WrittenResponse {
  responseId: number;
  detractor: boolean;
  complaintId: number | null;
  followUpId: number | null;
}

/**
 * Writes one response (the caller holds the write transaction and has validated the answers):
 * the answers, the customer as they are now, the recipient's state, a timeline entry, and for an
 * unhappy answer a complaint or a follow-up for the customer's owner.
 */
export function writeResponse(
  ctx: ServiceContext,
  campaign: Pick<CampaignQuestions, 'id' | 'name' | 'questions'>,
  customerId: number,
  answers: Record<string, number | string | string[]>,
  options: { answeredAt: string; channel: 'manual' | 'import'; replace: boolean; rules: SurveyRules; nowMs: number },
): WrittenResponse {
  const nowIso = new Date(options.nowMs).toISOString();
  const recipient = ctx.sqlite.prepare(`SELECT state FROM survey_recipients WHERE campaign_id = ? AND customer_id = ?`).get(campaign.id, customerId) as
    | { state: string }
    | undefined;
  if (!recipient) throw new AppError('SURVEY_NOT_RECIPIENT', `customer ${customerId} is not in campaign ${campaign.id}`, { customerId });
  const previous = ctx.sqlite.prepare(`SELECT id, complaint_id, follow_up_id FROM survey_responses WHERE campaign_id = ? AND customer_id = ?`).get(campaign.id, customerId) as
    | { id: number; complaint_id: number | null; follow_up_id: number | null }
    | undefined;
  if (previous && !options.replace) throw new AppError('SURVEY_ALREADY_ANSWERED', `customer ${customerId} already answered campaign ${campaign.id}`, { customerId });
  if (previous) {
    // A changed answer replaces the old one, on the timeline too.
    ctx.sqlite.prepare(`DELETE FROM activities WHERE ref_table = 'survey_responses' AND ref_id = ?`).run(previous.id);
    ctx.sqlite.prepare(`DELETE FROM survey_responses WHERE id = ?`).run(previous.id);
  }

  const customer = ctx.sqlite.prepare(`SELECT company, country, industry, value_tier, rfm_segment, owner FROM customers WHERE id = ?`).get(customerId) as {
    company: string;
    country: string;
    industry: string;
    value_tier: string;
    rfm_segment: string;
    owner: string;
  };
  const { nps, csat } = headlineScores(campaign.questions, answers);
  const detractor = isDetractor(options.rules, nps, csat);
  const responseId = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO survey_responses (campaign_id, customer_id, answered_at, channel, nps, csat, detractor, country, industry, tier, segment, owner, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        campaign.id,
        customerId,
        options.answeredAt,
        options.channel,
        nps,
        csat,
        detractor ? 1 : 0,
        customer.country,
        customer.industry,
        customer.value_tier,
        customer.rfm_segment,
        customer.owner,
        nowIso,
      ).lastInsertRowid,
  );
  const insertAnswer = ctx.sqlite.prepare(`INSERT INTO survey_answers (response_id, question_id, value_num, value_text) VALUES (?, ?, ?, ?)`);
  for (const [qid, value] of Object.entries(answers)) {
    if (typeof value === 'number') insertAnswer.run(responseId, qid, value, null);
    else insertAnswer.run(responseId, qid, null, Array.isArray(value) ? value.join(';') : value);
  }
  ctx.sqlite
    .prepare(`UPDATE survey_recipients SET state = 'answered', answered_at = ?, declined_at = NULL, updated_at = ? WHERE campaign_id = ? AND customer_id = ?`)
    .run(options.answeredAt, nowIso, campaign.id, customerId);

  const scores = [nps === null ? '' : `NPS ${nps}`, csat === null ? '' : `CSAT ${csat}`].filter(Boolean).join(' · ');
  const texts = campaign.questions
    .filter((q) => q.type === 'text' && typeof answers[q.id] === 'string' && answers[q.id] !== '')
    .map((q) => `“${String(answers[q.id])}”`)
    .join(' ');
  const summary = `${campaign.name}${scores ? `: ${scores}` : ''}${texts ? ` — ${texts}` : ''}`.slice(0, 500);
  ctx.sqlite
    .prepare(`INSERT INTO activities (customer_id, kind, occurred_at, summary, ref_table, ref_id, created_at) VALUES (?, 'survey_response', ?, ?, 'survey_responses', ?, ?)`)
    .run(customerId, options.answeredAt, summary, responseId, nowIso);

  // Closing the loop: an unhappy answer opens work for the owner, once per customer and campaign.
  let complaintId = previous?.complaint_id ?? null;
  let followUpId = previous?.follow_up_id ?? null;
  if (detractor && complaintId === null && followUpId === null) {
    const description = `Survey “${campaign.name}”: ${scores}${texts ? ` — ${texts}` : ''}`.slice(0, 5000);
    if (options.rules.action === 'complaint') {
      complaintId = insertComplaint(ctx, { customerId, category: 'service', severity: options.rules.complaintSeverity, description }, options.nowMs, customer.owner);
    } else if (options.rules.action === 'followup') {
      const due = new Date(addLocalDays(options.nowMs, options.rules.followUpDays, 'UTC')).toISOString();
      followUpId = Number(
        ctx.sqlite
          .prepare(`INSERT INTO follow_ups (customer_id, type, due_at, owner, note, status, source, created_at, updated_at) VALUES (?, 'call', ?, ?, ?, 'open', 'survey', ?, ?)`)
          .run(customerId, due, customer.owner, description, nowIso, nowIso).lastInsertRowid,
      );
    }
  }
  if (complaintId !== null || followUpId !== null) {
    ctx.sqlite.prepare(`UPDATE survey_responses SET complaint_id = ?, follow_up_id = ? WHERE id = ?`).run(complaintId, followUpId, responseId);
  }
  return { responseId, detractor, complaintId, followUpId };
}

/** Answers entered by hand (during a call or visit, or from a paper questionnaire). */
export async function recordResponse(ctx: ServiceContext, input: ChannelParsedInput<'surveys.recordResponse'>): Promise<SurveyResponse> {
  const nowMs = ctx.now().getTime();
  return ctx.kysely.transaction().execute(async () => {
    const campaign = campaignQuestions(ctx.sqlite, input.campaignId);
    const checked = validateAnswers(campaign.questions, input.answers as Answers);
    if (!checked.ok) throw new AppError('SURVEY_ANSWERS_INVALID', 'some answers are missing or out of range', { problems: checked.problems });
    const written = writeResponse(ctx, campaign, input.customerId, checked.answers, {
      answeredAt: input.answeredAt ?? new Date(nowMs).toISOString(),
      channel: 'manual',
      replace: input.replace,
      rules: readSurveyRules(ctx.sqlite),
      nowMs,
    });
    return loadResponses(ctx.sqlite, `s.id = @id`, { id: written.responseId })[0] as SurveyResponse;
  });
}

interface ResponseRow {
  id: number;
  campaign_id: number;
  customer_id: number;
  company: string;
  answered_at: string;
  channel: SurveyResponse['channel'];
  nps: number | null;
  csat: number | null;
  detractor: number;
  country: string;
  industry: string;
  tier: string;
  segment: string;
  owner: string;
  complaint_id: number | null;
  follow_up_id: number | null;
}

function loadResponses(sqlite: SqliteDb, where: string, params: Record<string, unknown>, limit = 1000): SurveyResponse[] {
  const rows = sqlite
    .prepare(
      `SELECT s.id, s.campaign_id, s.customer_id, c.company, s.answered_at, s.channel, s.nps, s.csat, s.detractor, s.country, s.industry, s.tier, s.segment,
         s.owner, s.complaint_id, s.follow_up_id
       FROM survey_responses s JOIN customers c ON c.id = s.customer_id WHERE ${where} ORDER BY s.answered_at DESC, s.id DESC LIMIT ${Math.trunc(limit)}`,
    )
    .all(params) as ResponseRow[];
  if (!rows.length) return [];
  // Question types per campaign (a multi-choice answer is stored as "a;b"), then every answer in one read.
  const typesOf = new Map<number, Map<string, Question['type']>>();
  for (const r of rows) {
    if (!typesOf.has(r.campaign_id)) typesOf.set(r.campaign_id, new Map(campaignQuestions(sqlite, r.campaign_id).questions.map((q) => [q.id, q.type])));
  }
  const campaignOf = new Map(rows.map((r) => [r.id, r.campaign_id]));
  const answers = new Map<number, Record<string, number | string | string[]>>(rows.map((r) => [r.id, {}]));
  const stored = sqlite
    .prepare(`SELECT response_id, question_id, value_num, value_text FROM survey_answers WHERE response_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rows.map((r) => r.id))) as { response_id: number; question_id: string; value_num: number | null; value_text: string | null }[];
  for (const a of stored) {
    const out = answers.get(a.response_id) as Record<string, number | string | string[]>;
    const type = typesOf.get(campaignOf.get(a.response_id) as number)?.get(a.question_id);
    if (a.value_num !== null) out[a.question_id] = a.value_num;
    else if (type === 'multi') out[a.question_id] = (a.value_text ?? '').split(';').filter(Boolean);
    else out[a.question_id] = a.value_text ?? '';
  }
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    customerId: r.customer_id,
    company: r.company,
    answeredAt: r.answered_at,
    channel: r.channel,
    nps: r.nps,
    csat: r.csat,
    detractor: r.detractor === 1,
    answers: answers.get(r.id) ?? {},
    country: r.country,
    continent: continentOf(r.country).code,
    region: regionOf(r.country).code,
    industry: r.industry,
    tier: r.tier,
    segment: r.segment,
    owner: r.owner,
    complaintId: r.complaint_id,
    followUpId: r.follow_up_id,
  }));
}

// ---- results -------------------------------------------------------------------------------

const STORED_KEY: Record<Exclude<ResultDimension, 'overall' | 'continent' | 'region'>, string> = {
  country: 's.country',
  industry: 's.industry',
  tier: 's.tier',
  segment: 's.segment',
  owner: 's.owner',
};

/** The key of a response under a dimension (continent and region come from the country). */
function keyOf(by: ResultDimension, row: { country: string; industry: string; tier: string; segment: string; owner: string }): string {
  switch (by) {
    case 'overall':
      return '';
    case 'continent':
      return continentOf(row.country).code;
    case 'region':
      return regionOf(row.country).code;
    default:
      return row[by];
  }
}

/** The responses a click-through selects: a campaign (or all), optionally one group of one dimension. */
function responseScope(input: { campaignId?: number | undefined; by?: ResultDimension | undefined; key?: string | undefined }, sqlite: SqliteDb): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.campaignId !== undefined) {
    where.push('s.campaign_id = @campaign');
    params.campaign = input.campaignId;
  }
  const by = input.by ?? 'overall';
  if (by !== 'overall' && input.key !== undefined) {
    if (by === 'continent' || by === 'region') {
      const countries = (sqlite.prepare(`SELECT DISTINCT country FROM survey_responses`).pluck().all() as string[]).filter(
        (country) => keyOf(by, { country, industry: '', tier: '', segment: '', owner: '' }) === input.key,
      );
      where.push(countries.length ? `s.country IN (${countries.map((_, i) => `@k${i}`).join(', ')})` : '0');
      countries.forEach((c, i) => (params[`k${i}`] = c));
    } else {
      where.push(`${STORED_KEY[by]} = @key`);
      params.key = input.key;
    }
  }
  return { where: where.length ? where.join(' AND ') : '1', params };
}

/** NPS and CSAT for a campaign (or every campaign), overall and by one dimension. */
export function surveyResults(ctx: ServiceContext, input: ChannelParsedInput<'surveys.results'>): ChannelOutput<'surveys.results'> {
  if (input.campaignId !== undefined) assertCampaign(ctx.readSqlite, input.campaignId);
  const { where, params } = responseScope({ campaignId: input.campaignId }, ctx.readSqlite);
  const groupCol = input.by === 'overall' ? `''` : input.by === 'continent' || input.by === 'region' ? 's.country' : (STORED_KEY[input.by] as string);
  const rows = ctx.readSqlite
    .prepare(
      `SELECT ${groupCol} AS k, count(*) AS responses, count(s.nps) AS nps_count, coalesce(sum(s.nps >= 9), 0) AS promoters, coalesce(sum(s.nps <= 6), 0) AS detractors,
         count(s.csat) AS csat_count, coalesce(sum(s.csat), 0) AS csat_sum
       FROM survey_responses s WHERE ${where} GROUP BY 1`,
    )
    .all(params) as { k: string; responses: number; nps_count: number; promoters: number; detractors: number; csat_count: number; csat_sum: number }[];
  const groups = new Map<string, ScoreTally>();
  let overall = emptyTally();
  for (const r of rows) {
    const tally: ScoreTally = { responses: r.responses, npsCount: r.nps_count, promoters: r.promoters, detractors: r.detractors, csatCount: r.csat_count, csatSum: r.csat_sum };
    overall = mergeTally(overall, tally);
    const key = input.by === 'continent' || input.by === 'region' ? keyOf(input.by, { country: r.k, industry: '', tier: '', segment: '', owner: '' }) : r.k;
    groups.set(key, mergeTally(groups.get(key) ?? emptyTally(), tally));
  }
  return {
    campaignId: input.campaignId ?? null,
    by: input.by,
    overall: summarize(overall),
    groups: [...groups.entries()].map(([key, t]) => ({ key, ...summarize(t) })).sort((a, b) => b.responses - a.responses || a.key.localeCompare(b.key)),
  };
}

/** NPS and CSAT of each campaign in the order they were created, optionally for one group only. */
export function surveyTrend(ctx: ServiceContext, input: ChannelParsedInput<'surveys.trend'>): ChannelOutput<'surveys.trend'> {
  const { where, params } = responseScope({ by: input.by, key: input.key }, ctx.readSqlite);
  const rows = ctx.readSqlite
    .prepare(
      `SELECT c.id, c.name, c.created_at, count(s.id) AS responses, count(s.nps) AS nps_count, coalesce(sum(s.nps >= 9), 0) AS promoters,
         coalesce(sum(s.nps <= 6), 0) AS detractors, count(s.csat) AS csat_count, coalesce(sum(s.csat), 0) AS csat_sum
       FROM survey_campaigns c LEFT JOIN survey_responses s ON s.campaign_id = c.id AND ${where}
       GROUP BY c.id ORDER BY c.created_at, c.id`,
    )
    .all(params) as { id: number; name: string; created_at: string; responses: number; nps_count: number; promoters: number; detractors: number; csat_count: number; csat_sum: number }[];
  return rows.map((r) => ({
    campaignId: r.id,
    name: r.name,
    createdAt: r.created_at,
    ...summarize({ responses: r.responses, npsCount: r.nps_count, promoters: r.promoters, detractors: r.detractors, csatCount: r.csat_count, csatSum: r.csat_sum }),
  }));
}

/** The responses behind a figure (a chart's bar, a table row), newest first, with their answers. */
export function listResponses(ctx: ServiceContext, input: ChannelParsedInput<'surveys.responses'>): ChannelOutput<'surveys.responses'> {
  const scope = responseScope(input, ctx.readSqlite);
  const where = [scope.where];
  if (input.customerId !== undefined) {
    where.push('s.customer_id = @customer');
    scope.params.customer = input.customerId;
  }
  if (input.detractorsOnly) where.push('s.detractor = 1');
  if (input.withText) {
    where.push(`EXISTS (SELECT 1 FROM survey_answers a WHERE a.response_id = s.id AND a.value_num IS NULL AND a.value_text <> ''
      AND a.question_id IN (SELECT value ->> '$.id' FROM json_each((SELECT questions FROM survey_campaigns WHERE id = s.campaign_id)) WHERE value ->> '$.type' = 'text'))`);
  }
  return loadResponses(ctx.readSqlite, where.join(' AND '), scope.params, input.limit);
}

