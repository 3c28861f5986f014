/**
 * Files of a survey campaign: questionnaires going out (HTML, one per customer or many to
 * print) and responses coming back (CSV/XLSX matched to customers by their code).
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import {
  RESERVED_IDS,
  localized,
  parseRecipientCode,
  validateAnswers,
  type Answers,
  type Question,
  type SurveyImportReport,
  type SurveyLanguage,
} from '../../../shared/domain/surveys';
import { AppError } from '../../../shared/errors';
import { MIME, writeTable } from '../../export/write-table';
import { HEADER_SEARCH_ROWS, locateHeaderRow, normalizeHeader } from '../../import/header-aliases';
import { readTable } from '../../import/read-table';
import type { Cell } from '../../import/types';
import type { ReadDb, WriteTx } from '../../db/sql';
import type { ServiceContext } from '../context';
import { questionnaireHtml } from './questionnaire';
import { campaignQuestions, idList, readSurveyRules, writeResponse, type CampaignQuestions } from './surveys';

const safeFilePart = (text: string) =>
  text
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'survey';

/** The questionnaire of one customer (a file to e-mail) or of many (one file to print). */
export function questionnaireFile(
  ctx: ServiceContext,
  input: ChannelParsedInput<'surveys.questionnaire'>,
): ChannelOutput<'surveys.questionnaire'> {
  const campaign = campaignQuestions(ctx.read, input.campaignId);
  const recipients = input.customerIds.map((customerId) => {
    const r = ctx.read.first(
      ctx.read
        .selectFrom('survey_recipients as r')
        .innerJoin('customers as c', 'c.id', 'r.customer_id')
        .select(['r.code', 'c.company', 'r.language'])
        .where('r.campaign_id', '=', input.campaignId)
        .where('r.customer_id', '=', customerId),
    );
    if (!r) throw new AppError('SURVEY_NOT_RECIPIENT', `customer ${customerId} is not in campaign ${input.campaignId}`, { customerId });
    return { ...r, language: input.language ?? (r.language as SurveyLanguage) };
  });
  const html = questionnaireHtml(campaign.templateName, campaign.questions, recipients);
  const only = recipients.length === 1 ? recipients[0] : undefined;
  const fileName = only ? `${safeFilePart(campaign.name)}-${only.code}.html` : `${safeFilePart(campaign.name)}-${recipients.length}.html`;
  return { fileName, mime: 'text/html', contentBase64: Buffer.from(html, 'utf8').toString('base64'), rows: recipients.length };
}

// ---- responses coming back -----------------------------------------------------------------

const CODE_HEADERS = new Set(['code', 'surveycode', 'questionnairecode', '编号', '问卷编号', '调查编号', '问卷代码'].map(normalizeHeader));
const DATE_HEADERS = new Set(
  ['answered_at', 'answeredat', 'answered', 'date', '日期', '回答日期', '答卷日期', '填写日期'].map(normalizeHeader),
);

/** The header of a responses file is the first row naming a code column (else the import's usual guess). */
function locateResponsesHeader(rows: readonly (readonly (string | null)[])[]): number {
  const index = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => row.some((cell) => cell !== null && CODE_HEADERS.has(normalizeHeader(cell))));
  return index >= 0 ? index : locateHeaderRow(rows);
}

type ColumnRole = SurveyImportReport['columns'][number];

/** Which column holds what: the code, the answer date, each question (by id, by its text in either language, or Q1…Qn). */
function mapColumns(headers: readonly string[], questions: readonly Question[]): ColumnRole[] {
  const byKey = new Map<string, string>();
  questions.forEach((q, i) => {
    for (const key of [q.id, q.text.en, q.text.zh, `q${i + 1}`]) {
      const k = normalizeHeader(key);
      if (k && !byKey.has(k)) byKey.set(k, q.id);
    }
  });
  const used = new Set<string>();
  let hasCode = false;
  let hasDate = false;
  return headers.map((header) => {
    const k = normalizeHeader(header);
    if (!hasCode && CODE_HEADERS.has(k)) {
      hasCode = true;
      return { header, role: 'code', questionId: null };
    }
    if (!hasDate && DATE_HEADERS.has(k)) {
      hasDate = true;
      return { header, role: 'answered_at', questionId: null };
    }
    const qid = byKey.get(k);
    if (qid && !used.has(qid) && !(RESERVED_IDS as readonly string[]).includes(k)) {
      used.add(qid);
      return { header, role: 'question', questionId: qid };
    }
    return { header, role: 'ignored', questionId: null };
  });
}

function cellText(cell: Cell | undefined, text: string | null | undefined): string {
  if (text !== undefined && text !== null) return text.trim();
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** A cell as an answer: numbers for scales, option ids for choices (id or text in either language), text as is. */
function answerOf(q: Question, text: string): Answers[string] {
  if (text === '') return null;
  if (q.type === 'nps' || q.type === 'csat' || q.type === 'rating') {
    const m = /^(\d+)(?:\.0+)?$/.exec(text);
    return m ? Number(m[1]) : text;
  }
  const option = (t: string) => {
    const k = normalizeHeader(t);
    return (
      q.options.find((o) => normalizeHeader(o.id) === k || normalizeHeader(o.text.en) === k || normalizeHeader(o.text.zh) === k)?.id ?? t
    );
  };
  if (q.type === 'single') return option(text);
  if (q.type === 'multi')
    return text
      .split(/[;,|、，；\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map(option);
  return text;
}

function parseDate(text: string): string | null {
  if (text === '') return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

interface ReadyRow {
  customerId: number;
  answers: Record<string, number | string | string[]>;
  answeredAt: string | null;
}

type FileInput = Pick<ChannelParsedInput<'surveys.importResponses'>, 'campaignId' | 'fileName' | 'contentBase64' | 'sheet'>;

/**
 * Reads a responses file and checks every row against the campaign (on the connection given:
 * the read one for a check, the write one inside the import's transaction). Writes nothing.
 */
function analyzeResponses(
  db: ReadDb | WriteTx,
  input: FileInput,
): { report: SurveyImportReport; ready: ReadyRow[]; campaign: CampaignQuestions } {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const options = { maxRows: 200_000, locateHeader: locateResponsesHeader };
  const table = readTable(bytes, input.fileName, input.sheet === undefined ? options : { ...options, sheet: input.sheet });
  const campaign = campaignQuestions(db, input.campaignId);
  const columns = mapColumns(table.headers, campaign.questions);
  const codeCol = columns.findIndex((c) => c.role === 'code');
  if (codeCol < 0)
    throw new AppError('SURVEY_IMPORT_INVALID', 'the file has no code column', { reason: 'no_code_column', headers: table.headers });
  if (!columns.some((c) => c.role === 'question'))
    throw new AppError('SURVEY_IMPORT_INVALID', 'no column matches a question of this survey', {
      reason: 'no_question_columns',
      headers: table.headers,
    });
  const dateCol = columns.findIndex((c) => c.role === 'answered_at');
  // The codes of the rows, then the states of the customers they name in one read (a file may have 200,000 rows).
  const codeTexts = table.rows.map((cells, i) => cellText(cells[codeCol], table.texts?.[i]?.[codeCol]));
  const codes = codeTexts.map(parseRecipientCode);
  const named = [...new Set(codes.flatMap((c) => (c && c.campaignId === input.campaignId ? [c.customerId] : [])))];
  const stateOf = new Map(
    db
      .all(
        db
          .selectFrom('survey_recipients')
          .select(['customer_id', 'state'])
          .where('campaign_id', '=', input.campaignId)
          .where('customer_id', 'in', idList(named)),
      )
      .map((r) => [r.customer_id, r.state]),
  );

  const report: SurveyImportReport = {
    rows: table.rows.length,
    ready: 0,
    imported: 0,
    alreadyAnswered: 0,
    empty: 0,
    detractors: 0,
    complaintsOpened: 0,
    followUpsOpened: 0,
    columns,
    problems: [],
  };
  const ready: ReadyRow[] = [];
  const seen = new Set<number>();
  const byId = new Map(campaign.questions.map((q) => [q.id, q]));
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i] ?? i + 2;
    const texts = table.texts?.[i];
    const codeText = codeTexts[i] as string;
    const answers: Answers = {};
    columns.forEach((c, col) => {
      if (c.role !== 'question' || !c.questionId) return;
      const q = byId.get(c.questionId) as Question;
      answers[c.questionId] = answerOf(q, cellText(cells[col], texts?.[col]));
    });
    if (Object.values(answers).every((v) => v === null || (Array.isArray(v) && v.length === 0))) {
      report.empty += 1;
      return;
    }
    const problem = (code: SurveyImportReport['problems'][number]['code'], questions: Record<string, string> = {}) =>
      report.problems.push({ row, code, customerCode: codeText, questions });
    const parsed = codes[i];
    if (!parsed) return problem('unknown_code');
    if (parsed.campaignId !== input.campaignId) return problem('other_campaign');
    const state = stateOf.get(parsed.customerId);
    if (state === undefined) return problem('not_recipient');
    if (seen.has(parsed.customerId)) return problem('duplicate_code');
    seen.add(parsed.customerId);
    const checked = validateAnswers(campaign.questions, answers);
    if (!checked.ok) return problem('answers', checked.problems);
    let answeredAt: string | null = null;
    if (dateCol >= 0) {
      const dateText = cellText(cells[dateCol], texts?.[dateCol]);
      answeredAt = parseDate(dateText);
      if (dateText !== '' && answeredAt === null) return problem('bad_date');
    }
    if (state === 'answered') {
      report.alreadyAnswered += 1;
      return;
    }
    ready.push({ customerId: parsed.customerId, answers: checked.answers, answeredAt });
  });
  report.ready = ready.length;
  return { report, ready, campaign };
}

/** Checks a responses file and reports what an import would do (ready rows, problems by row). */
export function checkResponses(ctx: ServiceContext, input: ChannelParsedInput<'surveys.checkResponses'>): SurveyImportReport {
  return analyzeResponses(ctx.read, input).report;
}

/**
 * Imports the good rows of a responses file in one transaction. Customers who already answered
 * are skipped; a file with problems writes nothing unless the caller chooses to skip the bad rows.
 */
export async function importResponses(
  ctx: ServiceContext,
  input: ChannelParsedInput<'surveys.importResponses'>,
): Promise<SurveyImportReport> {
  const nowMs = ctx.now().getTime();
  return ctx.db.transaction((tx) => {
    const { report, ready, campaign } = analyzeResponses(tx, input);
    if (report.problems.length > 0 && !input.skipInvalid) {
      throw new AppError('SURVEY_IMPORT_INVALID', `${report.problems.length} rows have problems; nothing was imported`, {
        reason: 'rows',
        problems: report.problems.slice(0, 200),
      });
    }
    const rules = readSurveyRules(tx);
    const fallbackAt = new Date(nowMs).toISOString();
    for (const r of ready) {
      const written = writeResponse(tx, campaign, r.customerId, r.answers, {
        answeredAt: r.answeredAt ?? fallbackAt,
        channel: 'import',
        replace: false,
        rules,
        nowMs,
      });
      report.imported += 1;
      if (written.detractor) report.detractors += 1;
      if (written.complaintId !== null) report.complaintsOpened += 1;
      if (written.followUpId !== null) report.followUpsOpened += 1;
    }
    return report;
  });
}

/**
 * A responses sheet to type answers into (e.g. in Excel): the code and company of each recipient
 * not yet answered and one column per question, headed in the chosen language.
 */
export function responsesSheet(
  ctx: ServiceContext,
  input: ChannelParsedInput<'surveys.responsesSheet'>,
): ChannelOutput<'surveys.responsesSheet'> {
  const campaign = campaignQuestions(ctx.read, input.campaignId);
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('survey_recipients as r')
      .innerJoin('customers as c', 'c.id', 'r.customer_id')
      .select(['r.code', 'c.company'])
      .where('r.campaign_id', '=', input.campaignId)
      .where('r.state', 'in', ['not_sent', 'sent'])
      .orderBy('c.company', (ob) => ob.collate('nocase'))
      .orderBy('r.customer_id'),
  );
  const headers = [
    'code',
    input.language === 'zh-CN' ? '公司' : 'company',
    ...campaign.questions.map((q) => localized(q.text, input.language)),
  ];
  const file = writeTable({ headers, rows: rows.map((r) => [r.code, r.company, ...campaign.questions.map(() => null)]) }, input.format);
  return {
    fileName: `${safeFilePart(campaign.name)}-responses.${input.format}`,
    mime: MIME[input.format],
    contentBase64: file.toString('base64'),
    rows: rows.length,
  };
}
