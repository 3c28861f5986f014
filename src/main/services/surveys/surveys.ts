/**
 * Satisfaction surveys: templates, campaigns sent to a segment, recipients and their states,
 * responses (entered by hand or imported), results by segment and the detractor rule.
 */
import { expressionBuilder, sql, type Expression, type InferResult, type Selectable, type SqlBool } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { CustomerFilter } from '../../../shared/domain/customer';
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
} from '../../../shared/domain/surveys';
import { AppError } from '../../../shared/errors';
import { addLocalDays } from '../../../shared/time/zoned';
import type { DB, SurveyResponsesTable, SurveyTemplatesTable } from '../../db/schema';
import type { ReadDb, WriteTx } from '../../db/sql';
import { expectVersion } from '../../db/versioned-row';
import { continentOf, regionOf } from '../../geo/regions';
import { isoNow, type ServiceContext } from '../context';
import { escapeLike, filteredCustomers } from '../customers/customers';
import { insertComplaint } from '../relationship/complaints';
import { readSetting, writeSetting } from '../settings';

/** Either connection: the read one (committed data), or the write one inside a transaction. */
type Db = ReadDb | WriteTx;

/** Ids as one bound JSON parameter (`x IN idList(ids)`): one statement however many there are. */
export const idList = (ids: readonly number[]) => sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

// ---- templates -----------------------------------------------------------------------------

function templates(db: Db) {
  return db
    .selectFrom('survey_templates as t')
    .selectAll('t')
    .select((eb) =>
      eb
        .selectFrom('survey_campaigns as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.template_id', '=', 't.id')
        .$asScalar()
        .as('campaigns'),
    );
}

function parseQuestions(json: string): Question[] {
  return questionsSchema.parse(JSON.parse(json));
}

const toTemplate = (r: Selectable<SurveyTemplatesTable> & { campaigns: number }): SurveyTemplate => ({
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
  const q = templates(ctx.read)
    .orderBy((eb) => eb('t.builtin', 'is', null))
    .orderBy('t.id');
  return ctx.read.all(q).map(toTemplate);
}

/** Creates a template (no id) or changes one; ready-made templates are copied, never changed. */
export async function saveTemplate(ctx: ServiceContext, input: ChannelParsedInput<'surveys.saveTemplate'>): Promise<SurveyTemplate> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const questions = JSON.stringify(input.template.questions);
    const fields = { name_en: input.template.name.en, name_zh: input.template.name.zh, questions, updated_at: now };
    let id = input.id;
    if (id === undefined) {
      id = tx.run(tx.insertInto('survey_templates').values({ ...fields, created_at: now })).lastInsertRowid;
    } else {
      const row = tx.first(tx.selectFrom('survey_templates').select(['builtin', 'version']).where('id', '=', id));
      if (row?.builtin) throw new AppError('SURVEY_TEMPLATE_READONLY', 'ready-made templates cannot be changed; save a copy', { id });
      // No version given: never the current one (versions start at 1).
      expectVersion(row, 'survey template', id, input.version ?? 0);
      tx.run(
        tx
          .updateTable('survey_templates')
          .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
          .where('id', '=', id),
      );
    }
    return toTemplate(tx.first(templates(tx).where('t.id', '=', id))!);
  });
}

export async function deleteTemplate(ctx: ServiceContext, id: number): Promise<{ deleted: boolean }> {
  return ctx.db.transaction((tx) => {
    const row = tx.first(tx.selectFrom('survey_templates').select('builtin').where('id', '=', id));
    if (!row) throw new AppError('NOT_FOUND', `survey template ${id} does not exist`, { id });
    if (row.builtin) throw new AppError('SURVEY_TEMPLATE_READONLY', 'ready-made templates cannot be deleted', { id });
    // Campaigns keep their own copy of the questions; they only lose the link.
    tx.run(tx.deleteFrom('survey_templates').where('id', '=', id));
    return { deleted: true };
  });
}

// ---- campaigns -----------------------------------------------------------------------------

/** Campaigns with their recipients counted by state (grouped by campaign). */
function campaigns(db: Db) {
  return db
    .selectFrom('survey_campaigns as c')
    .leftJoin('survey_recipients as r', 'r.campaign_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.template_id',
      'c.template_name_en',
      'c.template_name_zh',
      'c.questions',
      'c.source_label',
      'c.created_at',
      'c.version',
    ])
    .select((eb) => [
      eb.fn.count<number>('r.customer_id').as('total'),
      sql<number>`coalesce(sum(r.state = 'not_sent'), 0)`.as('not_sent'),
      sql<number>`coalesce(sum(r.state = 'sent'), 0)`.as('sent'),
      sql<number>`coalesce(sum(r.state = 'answered'), 0)`.as('answered'),
      sql<number>`coalesce(sum(r.state = 'declined'), 0)`.as('declined'),
    ])
    .groupBy('c.id');
}

const toCampaign = (r: InferResult<ReturnType<typeof campaigns>>[number]): SurveyCampaign => ({
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

function loadCampaign(db: Db, id: number): SurveyCampaign {
  const row = db.first(campaigns(db).where('c.id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `survey campaign ${id} does not exist`, { id });
  return toCampaign(row);
}

export function getCampaign(ctx: ServiceContext, id: number): SurveyCampaign {
  return loadCampaign(ctx.read, id);
}

export function listCampaigns(ctx: ServiceContext): SurveyCampaign[] {
  return ctx.read.all(campaigns(ctx.read).orderBy('c.created_at', 'desc').orderBy('c.id', 'desc')).map(toCampaign);
}

/** The ids and countries of the customers a filter selects, read on the write connection (inside the caller's transaction). */
function selectCustomers(ctx: ServiceContext, tx: WriteTx, filter: CustomerFilter): { id: number; country: string }[] {
  return tx.all(filteredCustomers(ctx, filter).select(['c.id', 'c.country']).orderBy('c.id'));
}

/** Recipients are inserted this many to a statement. */
const RECIPIENT_CHUNK = 500;

/** Creates a campaign for the customers a filter selects (a saved view, a board class…), one recipient each. */
export async function createCampaign(ctx: ServiceContext, input: ChannelParsedInput<'surveys.createCampaign'>): Promise<SurveyCampaign> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const tpl = tx.first(
      tx.selectFrom('survey_templates').select(['id', 'name_en', 'name_zh', 'questions']).where('id', '=', input.templateId),
    );
    if (!tpl) throw new AppError('NOT_FOUND', `survey template ${input.templateId} does not exist`, { id: input.templateId });
    const customers = selectCustomers(ctx, tx, input.filter);
    if (customers.length === 0) throw new AppError('SURVEY_NO_RECIPIENTS', 'no customer matches the chosen segment');
    const id = tx.run(
      tx.insertInto('survey_campaigns').values({
        name: input.name,
        template_id: tpl.id,
        template_name_en: tpl.name_en,
        template_name_zh: tpl.name_zh,
        questions: tpl.questions,
        source_label: input.sourceLabel,
        source_filter: JSON.stringify(input.filter),
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid;
    for (let i = 0; i < customers.length; i += RECIPIENT_CHUNK) {
      const rows = customers.slice(i, i + RECIPIENT_CHUNK).map((c) => ({
        campaign_id: id,
        customer_id: c.id,
        code: recipientCode(id, c.id),
        language: surveyLanguageFor(c.country),
        updated_at: now,
      }));
      tx.run(tx.insertInto('survey_recipients').values(rows));
    }
    return loadCampaign(tx, id);
  });
}

export async function renameCampaign(ctx: ServiceContext, input: ChannelParsedInput<'surveys.renameCampaign'>): Promise<SurveyCampaign> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    expectVersion(
      tx.first(tx.selectFrom('survey_campaigns').select('version').where('id', '=', input.id)),
      'survey campaign',
      input.id,
      input.version,
    );
    tx.run(
      tx
        .updateTable('survey_campaigns')
        .set((eb) => ({ name: input.name, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', input.id),
    );
    return loadCampaign(tx, input.id);
  });
}

// ---- recipients ----------------------------------------------------------------------------

export function listRecipients(ctx: ServiceContext, input: ChannelParsedInput<'surveys.recipients'>): ChannelOutput<'surveys.recipients'> {
  assertCampaign(ctx.read, input.campaignId);
  let matching = ctx.read
    .selectFrom('survey_recipients as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .where('r.campaign_id', '=', input.campaignId);
  if (input.states.length) matching = matching.where('r.state', 'in', input.states);
  const search = input.search.trim();
  if (search) {
    const like = `%${escapeLike(search)}%`;
    matching = matching.where(sql<SqlBool>`(c.company LIKE ${like} ESCAPE '\\' OR r.code LIKE ${like} ESCAPE '\\')`);
  }
  const rows = ctx.read.all(
    matching
      .select(['r.customer_id', 'c.company', 'c.country', 'c.owner', 'c.value_tier', 'c.rfm_segment', 'r.code', 'r.language', 'r.state'])
      .select(['r.sent_at', 'r.answered_at', 'r.declined_at'])
      .select((eb) =>
        eb
          .selectFrom('survey_responses as s')
          .select('s.id')
          .whereRef('s.campaign_id', '=', 'r.campaign_id')
          .whereRef('s.customer_id', '=', 'r.customer_id')
          .as('response_id'),
      )
      .orderBy('c.company', (ob) => ob.collate('nocase'))
      .orderBy('r.customer_id')
      .limit(input.limit + 1)
      .offset(input.offset),
  );
  const total = ctx.read.first(matching.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = rows.slice(0, input.limit).map((r): SurveyRecipient => ({
    customerId: r.customer_id,
    company: r.company,
    country: r.country,
    owner: r.owner,
    tier: r.value_tier,
    segment: r.rfm_segment,
    code: r.code,
    language: r.language as SurveyRecipient['language'],
    state: r.state as SurveyRecipient['state'],
    sentAt: r.sent_at,
    answeredAt: r.answered_at,
    declinedAt: r.declined_at,
    responseId: r.response_id,
  }));
  return { items, total };
}

/**
 * Marks recipients sent / declined / not sent, or changes the questionnaire's language.
 * Answered recipients keep their state (their response decides it).
 */
export async function updateRecipients(
  ctx: ServiceContext,
  input: ChannelParsedInput<'surveys.updateRecipients'>,
): Promise<{ changed: number; skippedAnswered: number }> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    assertCampaign(tx, input.campaignId);
    // Up to 500,000 customers: their states in one read, then one update for all of them.
    const stateOf = new Map(
      tx
        .all(
          tx
            .selectFrom('survey_recipients')
            .select(['customer_id', 'state'])
            .where('campaign_id', '=', input.campaignId)
            .where('customer_id', 'in', idList(input.customerIds)),
        )
        .map((r) => [r.customer_id, r.state]),
    );
    let changed = 0;
    let skippedAnswered = 0;
    for (const customerId of input.customerIds) {
      const state = stateOf.get(customerId);
      if (state === undefined)
        throw new AppError('SURVEY_NOT_RECIPIENT', `customer ${customerId} is not in campaign ${input.campaignId}`, { customerId });
      if (input.state && state === 'answered') skippedAnswered += 1;
      else changed += 1;
    }
    if (input.language) {
      tx.run(
        tx
          .updateTable('survey_recipients')
          .set({ language: input.language, updated_at: now })
          .where('campaign_id', '=', input.campaignId)
          .where('customer_id', 'in', idList(input.customerIds)),
      );
    }
    const state = input.state;
    if (state) {
      tx.run(
        tx
          .updateTable('survey_recipients')
          .set((eb) => ({
            state,
            updated_at: now,
            // Sent keeps the first sending's date; not sent clears it; declined leaves it.
            ...(state === 'sent' ? { sent_at: eb.fn.coalesce('sent_at', eb.val(now)) } : state === 'not_sent' ? { sent_at: null } : {}),
            declined_at: state === 'declined' ? now : null,
          }))
          .where('campaign_id', '=', input.campaignId)
          .where('customer_id', 'in', idList(input.customerIds))
          .where('state', '<>', 'answered'),
      );
    }
    return { changed, skippedAnswered };
  });
}

// ---- responses -----------------------------------------------------------------------------

export function readSurveyRules(db: Db): SurveyRules {
  const stored = readSetting<unknown>(db, 'surveyRules');
  const parsed = surveyRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SURVEY_RULES;
}

export async function saveSurveyRules(ctx: ServiceContext, rules: SurveyRules): Promise<SurveyRules> {
  return ctx.db.transaction((tx) => {
    writeSetting(tx, 'surveyRules', rules, isoNow(ctx));
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
export function campaignQuestions(db: Db, id: number): CampaignQuestions {
  const row = db.first(
    db.selectFrom('survey_campaigns').select(['id', 'name', 'template_name_en', 'template_name_zh', 'questions']).where('id', '=', id),
  );
  if (!row) throw new AppError('NOT_FOUND', `survey campaign ${id} does not exist`, { id });
  return {
    id: row.id,
    name: row.name,
    templateName: { en: row.template_name_en, zh: row.template_name_zh },
    questions: parseQuestions(row.questions),
  };
}

/** NOT_FOUND unless the campaign exists (without counting its recipients). */
function assertCampaign(db: Db, id: number): void {
  if (!db.first(db.selectFrom('survey_campaigns').select('id').where('id', '=', id))) {
    throw new AppError('NOT_FOUND', `survey campaign ${id} does not exist`, { id });
  }
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
  tx: WriteTx,
  campaign: Pick<CampaignQuestions, 'id' | 'name' | 'questions'>,
  customerId: number,
  answers: Record<string, number | string | string[]>,
  options: { answeredAt: string; channel: 'manual' | 'import'; replace: boolean; rules: SurveyRules; nowMs: number },
): WrittenResponse {
  const nowIso = new Date(options.nowMs).toISOString();
  const recipient = tx.first(
    tx.selectFrom('survey_recipients').select('state').where('campaign_id', '=', campaign.id).where('customer_id', '=', customerId),
  );
  if (!recipient) throw new AppError('SURVEY_NOT_RECIPIENT', `customer ${customerId} is not in campaign ${campaign.id}`, { customerId });
  const previous = tx.first(
    tx
      .selectFrom('survey_responses')
      .select(['id', 'complaint_id', 'follow_up_id'])
      .where('campaign_id', '=', campaign.id)
      .where('customer_id', '=', customerId),
  );
  if (previous && !options.replace)
    throw new AppError('SURVEY_ALREADY_ANSWERED', `customer ${customerId} already answered campaign ${campaign.id}`, { customerId });
  if (previous) {
    // A changed answer replaces the old one, on the timeline too.
    tx.run(tx.deleteFrom('activities').where('ref_table', '=', 'survey_responses').where('ref_id', '=', previous.id));
    tx.run(tx.deleteFrom('survey_responses').where('id', '=', previous.id));
  }

  // A recipient is a customer (the foreign key keeps it so).
  const customer = tx.first(
    tx.selectFrom('customers').select(['country', 'industry', 'value_tier', 'rfm_segment', 'owner']).where('id', '=', customerId),
  )!;
  const { nps, csat } = headlineScores(campaign.questions, answers);
  const detractor = isDetractor(options.rules, nps, csat);
  const responseId = tx.run(
    tx.insertInto('survey_responses').values({
      campaign_id: campaign.id,
      customer_id: customerId,
      answered_at: options.answeredAt,
      channel: options.channel,
      nps,
      csat,
      detractor: detractor ? 1 : 0,
      country: customer.country,
      industry: customer.industry,
      tier: customer.value_tier,
      segment: customer.rfm_segment,
      owner: customer.owner,
      created_at: nowIso,
    }),
  ).lastInsertRowid;
  const answerRows = Object.entries(answers).map(([qid, value]) =>
    typeof value === 'number'
      ? { response_id: responseId, question_id: qid, value_num: value, value_text: null }
      : { response_id: responseId, question_id: qid, value_num: null, value_text: Array.isArray(value) ? value.join(';') : value },
  );
  if (answerRows.length) tx.run(tx.insertInto('survey_answers').values(answerRows));
  tx.run(
    tx
      .updateTable('survey_recipients')
      .set({ state: 'answered', answered_at: options.answeredAt, declined_at: null, updated_at: nowIso })
      .where('campaign_id', '=', campaign.id)
      .where('customer_id', '=', customerId),
  );

  const scores = [nps === null ? '' : `NPS ${nps}`, csat === null ? '' : `CSAT ${csat}`].filter(Boolean).join(' · ');
  const texts = campaign.questions
    .filter((q) => q.type === 'text' && typeof answers[q.id] === 'string' && answers[q.id] !== '')
    .map((q) => `“${String(answers[q.id])}”`)
    .join(' ');
  const summary = `${campaign.name}${scores ? `: ${scores}` : ''}${texts ? ` — ${texts}` : ''}`.slice(0, 500);
  tx.run(
    tx.insertInto('activities').values({
      customer_id: customerId,
      kind: 'survey_response',
      occurred_at: options.answeredAt,
      summary,
      ref_table: 'survey_responses',
      ref_id: responseId,
      created_at: nowIso,
    }),
  );

  // Closing the loop: an unhappy answer opens work for the owner, once per customer and campaign.
  let complaintId = previous?.complaint_id ?? null;
  let followUpId = previous?.follow_up_id ?? null;
  if (detractor && complaintId === null && followUpId === null) {
    const description = `Survey “${campaign.name}”: ${scores}${texts ? ` — ${texts}` : ''}`.slice(0, 5000);
    if (options.rules.action === 'complaint') {
      complaintId = insertComplaint(
        tx,
        { customerId, category: 'service', severity: options.rules.complaintSeverity, description },
        options.nowMs,
        customer.owner,
      );
    } else if (options.rules.action === 'followup') {
      const due = new Date(addLocalDays(options.nowMs, options.rules.followUpDays, 'UTC')).toISOString();
      followUpId = tx.run(
        tx.insertInto('follow_ups').values({
          customer_id: customerId,
          type: 'call',
          due_at: due,
          owner: customer.owner,
          note: description,
          status: 'open',
          source: 'survey',
          created_at: nowIso,
          updated_at: nowIso,
        }),
      ).lastInsertRowid;
    }
  }
  if (complaintId !== null || followUpId !== null) {
    tx.run(tx.updateTable('survey_responses').set({ complaint_id: complaintId, follow_up_id: followUpId }).where('id', '=', responseId));
  }
  return { responseId, detractor, complaintId, followUpId };
}

/** Answers entered by hand (during a call or visit, or from a paper questionnaire). */
export async function recordResponse(ctx: ServiceContext, input: ChannelParsedInput<'surveys.recordResponse'>): Promise<SurveyResponse> {
  const nowMs = ctx.now().getTime();
  return ctx.db.transaction((tx) => {
    const campaign = campaignQuestions(tx, input.campaignId);
    const checked = validateAnswers(campaign.questions, input.answers as Answers);
    if (!checked.ok)
      throw new AppError('SURVEY_ANSWERS_INVALID', 'some answers are missing or out of range', { problems: checked.problems });
    const written = writeResponse(tx, campaign, input.customerId, checked.answers, {
      answeredAt: input.answeredAt ?? new Date(nowMs).toISOString(),
      channel: 'manual',
      replace: input.replace,
      rules: readSurveyRules(tx),
      nowMs,
    });
    return loadResponses(tx, [onResponse('s.id', '=', written.responseId)])[0] as SurveyResponse;
  });
}

/** Conditions on a response `s` (survey_responses as s), for any query that has it. */
const onResponse = expressionBuilder<DB & { s: SurveyResponsesTable }, 's'>();

function loadResponses(db: Db, where: readonly Expression<SqlBool>[], limit = 1000): SurveyResponse[] {
  let q = db
    .selectFrom('survey_responses as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.campaign_id', 's.customer_id', 'c.company', 's.answered_at', 's.channel', 's.nps', 's.csat', 's.detractor'])
    .select(['s.country', 's.industry', 's.tier', 's.segment', 's.owner', 's.complaint_id', 's.follow_up_id']);
  for (const condition of where) q = q.where(condition);
  const rows = db.all(q.orderBy('s.answered_at', 'desc').orderBy('s.id', 'desc').limit(Math.trunc(limit)));
  if (!rows.length) return [];
  // Question types per campaign (a multi-choice answer is stored as "a;b"), then every answer in one read.
  const typesOf = new Map<number, Map<string, Question['type']>>();
  for (const r of rows) {
    if (!typesOf.has(r.campaign_id))
      typesOf.set(r.campaign_id, new Map(campaignQuestions(db, r.campaign_id).questions.map((q) => [q.id, q.type])));
  }
  const campaignOf = new Map(rows.map((r) => [r.id, r.campaign_id]));
  const answers = new Map<number, Record<string, number | string | string[]>>(rows.map((r) => [r.id, {}]));
  const stored = db.all(
    db
      .selectFrom('survey_answers')
      .select(['response_id', 'question_id', 'value_num', 'value_text'])
      .where('response_id', 'in', idList(rows.map((r) => r.id))),
  );
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
    channel: r.channel as SurveyResponse['channel'],
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

const STORED_KEY = {
  country: 's.country',
  industry: 's.industry',
  tier: 's.tier',
  segment: 's.segment',
  owner: 's.owner',
} as const satisfies Record<Exclude<ResultDimension, 'overall' | 'continent' | 'region'>, `s.${string}`>;

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
function responseScope(
  input: { campaignId?: number | undefined; by?: ResultDimension | undefined; key?: string | undefined },
  db: ReadDb,
): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (input.campaignId !== undefined) where.push(onResponse('s.campaign_id', '=', input.campaignId));
  const by = input.by ?? 'overall';
  if (by !== 'overall' && input.key !== undefined) {
    if (by === 'continent' || by === 'region') {
      const countries = db
        .all(db.selectFrom('survey_responses').select('country').distinct())
        .map((r) => r.country)
        .filter((country) => keyOf(by, { country, industry: '', tier: '', segment: '', owner: '' }) === input.key);
      // No country of that continent or region: no response.
      where.push(countries.length ? onResponse('s.country', 'in', countries) : sql<SqlBool>`0`);
    } else {
      where.push(onResponse(STORED_KEY[by], '=', input.key));
    }
  }
  return where;
}

/** The score tally of the responses `s` of a group (count(s.id): a campaign without responses has none). */
const TALLY = [
  sql<number>`count(s.id)`.as('responses'),
  sql<number>`count(s.nps)`.as('nps_count'),
  sql<number>`coalesce(sum(s.nps >= 9), 0)`.as('promoters'),
  sql<number>`coalesce(sum(s.nps <= 6), 0)`.as('detractors'),
  sql<number>`count(s.csat)`.as('csat_count'),
  sql<number>`coalesce(sum(s.csat), 0)`.as('csat_sum'),
];

const toTally = (r: {
  responses: number;
  nps_count: number;
  promoters: number;
  detractors: number;
  csat_count: number;
  csat_sum: number;
}): ScoreTally => ({
  responses: r.responses,
  npsCount: r.nps_count,
  promoters: r.promoters,
  detractors: r.detractors,
  csatCount: r.csat_count,
  csatSum: r.csat_sum,
});

/** NPS and CSAT for a campaign (or every campaign), overall and by one dimension. */
export function surveyResults(ctx: ServiceContext, input: ChannelParsedInput<'surveys.results'>): ChannelOutput<'surveys.results'> {
  if (input.campaignId !== undefined) assertCampaign(ctx.read, input.campaignId);
  const groupCol = input.by === 'overall' ? null : input.by === 'continent' || input.by === 'region' ? 's.country' : STORED_KEY[input.by];
  let q = ctx.read
    .selectFrom('survey_responses as s')
    .select([(groupCol === null ? sql<string>`''` : sql.ref<string>(groupCol)).as('k'), ...TALLY])
    .groupBy(sql`1`);
  for (const condition of responseScope({ campaignId: input.campaignId }, ctx.read)) q = q.where(condition);
  const groups = new Map<string, ScoreTally>();
  let overall = emptyTally();
  for (const r of ctx.read.all(q)) {
    const tally = toTally(r);
    overall = mergeTally(overall, tally);
    const key =
      input.by === 'continent' || input.by === 'region'
        ? keyOf(input.by, { country: r.k, industry: '', tier: '', segment: '', owner: '' })
        : r.k;
    groups.set(key, mergeTally(groups.get(key) ?? emptyTally(), tally));
  }
  return {
    campaignId: input.campaignId ?? null,
    by: input.by,
    overall: summarize(overall),
    groups: [...groups.entries()]
      .map(([key, t]) => ({ key, ...summarize(t) }))
      .sort((a, b) => b.responses - a.responses || a.key.localeCompare(b.key)),
  };
}

/** NPS and CSAT of each campaign in the order they were created, optionally for one group only. */
export function surveyTrend(ctx: ServiceContext, input: ChannelParsedInput<'surveys.trend'>): ChannelOutput<'surveys.trend'> {
  const scope = responseScope({ by: input.by, key: input.key }, ctx.read);
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('survey_campaigns as c')
      .leftJoin('survey_responses as s', (join) =>
        scope.reduce((j, condition) => j.on(condition), join.onRef('s.campaign_id', '=', 'c.id')),
      )
      .select(['c.id', 'c.name', 'c.created_at', ...TALLY])
      .groupBy('c.id')
      .orderBy('c.created_at')
      .orderBy('c.id'),
  );
  return rows.map((r) => ({ campaignId: r.id, name: r.name, createdAt: r.created_at, ...summarize(toTally(r)) }));
}

/** The ids of the text questions of the campaign of a response `s` (the campaign keeps its questions as JSON). */
const textQuestionIds = sql<string>`(SELECT value ->> '$.id'
  FROM json_each((SELECT questions FROM survey_campaigns WHERE id = s.campaign_id)) WHERE value ->> '$.type' = 'text')`;

/** The responses behind a figure (a chart's bar, a table row), newest first, with their answers. */
export function listResponses(ctx: ServiceContext, input: ChannelParsedInput<'surveys.responses'>): ChannelOutput<'surveys.responses'> {
  const where = responseScope(input, ctx.read);
  if (input.customerId !== undefined) where.push(onResponse('s.customer_id', '=', input.customerId));
  if (input.detractorsOnly) where.push(onResponse('s.detractor', '=', 1));
  if (input.withText) {
    where.push(
      onResponse.exists(
        onResponse
          .selectFrom('survey_answers as a')
          .select('a.response_id')
          .whereRef('a.response_id', '=', 's.id')
          .where('a.value_num', 'is', null)
          .where('a.value_text', '<>', '')
          .where('a.question_id', 'in', textQuestionIds),
      ),
    );
  }
  return loadResponses(ctx.read, where, input.limit);
}
