import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { chromium } from '@playwright/test';
import { requireChromium } from '../../scripts/browser.mjs';
import { join } from 'node:path';
import { openTestEngine, tempDir, type TestEngine } from '../support/temp-db';
import { dumpData } from '../support/dump';
import { EMPTY_CUSTOMER_FILTER } from '../../src/shared/domain/customer-filter';

let t: TestEngine;
const clock = { now: new Date('2026-11-22T08:00:00Z') };
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await t?.close();
  for (const c of cleanups.splice(0)) c();
});

const DAY = 86_400_000;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Six customers in four countries; the three big buyers become tier A after classification. */
async function open(dbPath?: string) {
  clock.now = new Date('2026-11-22T08:00:00Z');
  t = await openTestEngine(dbPath ? { now: () => clock.now, dbPath } : { now: () => clock.now });
  const specs = [
    { company: 'Berlin Licht GmbH', country: 'DE', industry: 'Lighting', owner: 'Lily', revenue: 900_000_00 },
    { company: 'Hamburg Lampen AG', country: 'DE', industry: 'Lighting', owner: 'Lily', revenue: 800_000_00 },
    { company: 'Sol Brasil Ltda', country: 'BR', industry: 'Solar', owner: 'Kevin', revenue: 700_000_00 },
    { company: 'Lagos Power Ltd', country: 'NG', industry: 'Solar', owner: 'Kevin', revenue: 1_000_00 },
    { company: '上海光明贸易有限公司', country: 'CN', industry: 'Lighting', owner: 'Lily', revenue: 2_000_00 },
    { company: 'Paris Lumière SA', country: 'FR', industry: 'Lighting', owner: 'Lily', revenue: 0 },
  ];
  const ids: number[] = [];
  for (const s of specs) {
    const c = await t.call('customers.create', { company: s.company, country: s.country, industry: s.industry, owner: s.owner });
    ids.push(c.id);
    if (s.revenue > 0) {
      for (const d of [10, 100]) {
        t.engine.database.sqlite
          .prepare(`INSERT INTO orders (customer_id, ordered_at, amount_minor, currency, created_at) VALUES (?, ?, ?, 'USD', 'x')`)
          .run(c.id, new Date(clock.now.getTime() - d * DAY).toISOString(), s.revenue / 2);
      }
    }
  }
  await t.call('classify.run', {});
  return ids;
}

async function yearlyTemplate() {
  const templates = await t.call('surveys.templates', {});
  const tpl = templates.find((x) => x.builtin === 'yearly_relationship');
  if (!tpl) throw new Error('ready-made template missing');
  return tpl;
}

describe('survey templates', () => {
  it('three ready-made templates in both languages; own templates are validated, copies editable, ready-made ones read-only', async () => {
    await open();
    const templates = await t.call('surveys.templates', {});
    expect(templates.map((x) => x.builtin)).toEqual(['after_delivery', 'yearly_relationship', 'after_complaint']);
    for (const tpl of templates) for (const q of tpl.questions) expect(q.text.en && q.text.zh).toBeTruthy();
    const yearly = await yearlyTemplate();
    const refused = await t.raw('surveys.saveTemplate', {
      id: yearly.id,
      version: yearly.version,
      template: { name: yearly.name, questions: yearly.questions },
    });
    expect(!refused.ok && refused.error.code).toBe('SURVEY_TEMPLATE_READONLY');
    const bad = await t.raw('surveys.saveTemplate', { template: { name: { en: 'X', zh: '' }, questions: [] } });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
    const copy = await t.call('surveys.saveTemplate', {
      template: { name: { en: 'Fair follow-up', zh: '展会回访' }, questions: yearly.questions.slice(0, 2) },
    });
    expect(copy).toMatchObject({ builtin: null, version: 1, campaigns: 0 });
    const edited = await t.call('surveys.saveTemplate', {
      id: copy.id,
      version: copy.version,
      template: { name: copy.name, questions: copy.questions.slice(0, 1) },
    });
    expect(edited.questions).toHaveLength(1);
    const stale = await t.raw('surveys.saveTemplate', {
      id: copy.id,
      version: copy.version,
      template: { name: copy.name, questions: copy.questions },
    });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    expect(await t.call('surveys.deleteTemplate', { id: copy.id })).toEqual({ deleted: true });
  });
});

describe('a campaign for a board class', () => {
  it('lists its customers with states; answers by hand and from a file; results by region; a detractor opens a complaint', async () => {
    const ids = await open();
    const tpl = await yearlyTemplate();
    const empty = await t.raw('surveys.createCampaign', {
      name: 'Nobody',
      templateId: tpl.id,
      filter: { ...EMPTY_CUSTOMER_FILTER, countries: ['JP'] },
    });
    expect(!empty.ok && empty.error.code).toBe('SURVEY_NO_RECIPIENTS');

    // Tier A on the value board.
    const campaign = await t.call('surveys.createCampaign', {
      name: '2026 key accounts',
      templateId: tpl.id,
      sourceLabel: 'Board: Tier A',
      filter: { ...EMPTY_CUSTOMER_FILTER, tiers: ['A'] },
    });
    expect(campaign.counts).toEqual({ total: 3, not_sent: 3, sent: 0, answered: 0, declined: 0 });
    expect(campaign.questions).toEqual(tpl.questions);
    const recipients = await t.call('surveys.recipients', { campaignId: campaign.id });
    expect(recipients.items.map((r) => r.company).sort()).toEqual(['Berlin Licht GmbH', 'Hamburg Lampen AG', 'Sol Brasil Ltda']);
    expect(recipients.items.every((r) => r.state === 'not_sent' && r.tier === 'A' && r.language === 'en')).toBe(true);

    // The whole board for a second campaign: the Chinese customer gets a Chinese questionnaire.
    const all = await t.call('surveys.createCampaign', { name: 'Everyone', templateId: tpl.id, filter: EMPTY_CUSTOMER_FILTER });
    const cn = (await t.call('surveys.recipients', { campaignId: all.id, search: '上海' })).items[0];
    expect(cn).toMatchObject({ language: 'zh-CN', customerId: ids[4] });

    // Sent by e-mail: marked sent with a date.
    const [berlin, hamburg, sol] = ids as [number, number, number];
    await t.call('surveys.updateRecipients', { campaignId: campaign.id, customerIds: [berlin, hamburg, sol], state: 'sent' });
    expect((await t.call('surveys.recipients', { campaignId: campaign.id, states: ['sent'] })).total).toBe(3);

    // By hand, during calls: a promoter in Berlin, a detractor in Hamburg.
    const bad = await t.raw('surveys.recordResponse', { campaignId: campaign.id, customerId: berlin, answers: { csat: 4 } });
    expect(!bad.ok && bad.error.code).toBe('SURVEY_ANSWERS_INVALID');
    expect(!bad.ok && bad.error.details).toEqual({ problems: { nps: 'required' } });
    const promoter = await t.call('surveys.recordResponse', {
      campaignId: campaign.id,
      customerId: berlin,
      answers: { nps: 10, csat: 5, strength: 'quality' },
    });
    expect(promoter).toMatchObject({
      nps: 10,
      csat: 5,
      detractor: false,
      complaintId: null,
      tier: 'A',
      continent: '150',
      region: '155',
      channel: 'manual',
    });
    const detractor = await t.call('surveys.recordResponse', {
      campaignId: campaign.id,
      customerId: hamburg,
      answers: { nps: 4, csat: 2, next_year: 'Faster samples please' },
    });
    expect(detractor.detractor).toBe(true);
    expect(detractor.complaintId).not.toBeNull();
    const again = await t.raw('surveys.recordResponse', { campaignId: campaign.id, customerId: hamburg, answers: { nps: 5 } });
    expect(!again.ok && again.error.code).toBe('SURVEY_ALREADY_ANSWERED');
    // Changing the answers replaces them (the complaint already opened stays linked, not doubled).
    const changed = await t.call('surveys.recordResponse', {
      campaignId: campaign.id,
      customerId: hamburg,
      answers: { nps: 4, csat: 2, next_year: 'Faster samples please' },
      replace: true,
    });
    expect(changed.complaintId).toBe(detractor.complaintId);

    // The complaint for the detractor is the owner's, linked from the answer, and on the timeline.
    const complaints = await t.call('complaints.list', { customerId: hamburg });
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({
      id: detractor.complaintId,
      owner: 'Lily',
      severity: 'high',
      category: 'service',
      status: 'open',
    });
    expect(complaints[0]?.description).toContain('Faster samples please');
    const timeline = await t.call('timeline.list', { customerId: hamburg });
    expect(timeline.some((e) => e.kind === 'survey' && e.subtype === 'survey_response' && e.summary.includes('NPS 4'))).toBe(true);
    const onlySurveys = await t.call('timeline.list', { customerId: hamburg, kinds: ['survey'] });
    expect(onlySurveys.map((e) => [e.kind, e.summary])).toEqual([
      ['survey', '2026 key accounts: NPS 4 · CSAT 2 — “Faster samples please”'],
    ]);
    expect((await t.call('timeline.list', { customerId: hamburg, kinds: ['complaint'] })).map((e) => e.kind)).toEqual(['complaint']);

    // A responses file for the third one (and a stranger's code, and a row for Berlin again).
    const code = (id: number) => recipients.items.find((r) => r.customerId === id)?.code ?? '';
    const file = [
      'code,nps,csat,What do you value most in us?,next_year',
      `${code(sol)},9,4,Service,`,
      `${code(berlin)},10,5,,`,
      `99-1-AA,3,1,,`,
    ].join('\n');
    const before = dumpData(t.engine.database.readSqlite);
    const dry = await t.call('surveys.checkResponses', { campaignId: campaign.id, fileName: 'answers.csv', contentBase64: b64(file) });
    expect(dry).toMatchObject({ rows: 3, ready: 1, alreadyAnswered: 1, imported: 0, problems: [{ row: 4, code: 'unknown_code' }] });
    expect(dry.columns.map((c) => c.role)).toEqual(['code', 'question', 'question', 'question', 'question']);
    const refused = await t.raw('surveys.importResponses', { campaignId: campaign.id, fileName: 'answers.csv', contentBase64: b64(file) });
    expect(!refused.ok && refused.error.code).toBe('SURVEY_IMPORT_INVALID');
    expect(dumpData(t.engine.database.readSqlite)).toBe(before);
    const done = await t.call('surveys.importResponses', {
      campaignId: campaign.id,
      fileName: 'answers.csv',
      contentBase64: b64(file),
      skipInvalid: true,
    });
    expect(done).toMatchObject({ imported: 1, detractors: 0, complaintsOpened: 0 });
    const solAnswers = await t.call('surveys.responses', { campaignId: campaign.id, customerId: sol });
    expect(solAnswers[0]).toMatchObject({ channel: 'import', nps: 9, csat: 4, answers: { nps: 9, csat: 4, strength: 'service' } });

    // Results by region: Western Europe (155) has 2 answers, one promoter and one detractor → 0.
    const byRegion = await t.call('surveys.results', { campaignId: campaign.id, by: 'region' });
    expect(byRegion.overall).toMatchObject({ responses: 3, promoters: 2, detractors: 1, nps: 33.3, csatAvg: 3.67 });
    expect(byRegion.groups.map((g) => [g.key, g.responses, g.nps, g.csatAvg])).toEqual([
      ['155', 2, 0, 3.5],
      ['005', 1, 100, 4],
    ]);
    const byOwner = await t.call('surveys.results', { campaignId: campaign.id, by: 'owner' });
    expect(byOwner.groups.map((g) => [g.key, g.responses])).toEqual([
      ['Lily', 2],
      ['Kevin', 1],
    ]);
    // Clicking the Western Europe bar lists its answers; detractors only gives Hamburg.
    expect(
      (await t.call('surveys.responses', { campaignId: campaign.id, by: 'region', key: '155' })).map((r) => r.customerId).sort(),
    ).toEqual([berlin, hamburg].sort());
    expect((await t.call('surveys.responses', { campaignId: campaign.id, detractorsOnly: true })).map((r) => r.customerId)).toEqual([
      hamburg,
    ]);
    expect((await t.call('surveys.responses', { campaignId: campaign.id, withText: true })).map((r) => r.customerId)).toEqual([hamburg]);

    const after = await t.call('surveys.campaign', { id: campaign.id });
    expect(after.counts).toEqual({ total: 3, not_sent: 0, sent: 0, answered: 3, declined: 0 });
    // Trend across campaigns: the second one has no answers yet.
    expect((await t.call('surveys.trend', {})).map((x) => [x.name, x.responses, x.nps])).toEqual([
      ['2026 key accounts', 3, 33.3],
      ['Everyone', 0, null],
    ]);
  });

  it('the detractor rule is a setting: a follow-up instead of a complaint, or nothing', async () => {
    const ids = await open();
    const tpl = await yearlyTemplate();
    const campaign = await t.call('surveys.createCampaign', { name: 'All', templateId: tpl.id, filter: EMPTY_CUSTOMER_FILTER });
    await t.call('surveys.saveRules', { npsAtMost: 7, csatAtMost: 1, action: 'followup', complaintSeverity: 'medium', followUpDays: 2 });
    const r = await t.call('surveys.recordResponse', { campaignId: campaign.id, customerId: ids[3] as number, answers: { nps: 7 } });
    expect(r).toMatchObject({ detractor: true, complaintId: null });
    const fu = await t.call('followups.list', { bucket: 'open', timeZone: 'UTC', customerId: ids[3] as number });
    expect(fu.items.map((f) => [f.id, f.owner, f.dueAt])).toEqual([[r.followUpId, 'Kevin', '2026-11-24T08:00:00.000Z']]);
    await t.call('surveys.saveRules', { npsAtMost: 6, csatAtMost: 2, action: 'none', complaintSeverity: 'high', followUpDays: 1 });
    const quiet = await t.call('surveys.recordResponse', { campaignId: campaign.id, customerId: ids[4] as number, answers: { nps: 0 } });
    expect(quiet).toMatchObject({ detractor: true, complaintId: null, followUpId: null });
    expect(await t.call('surveys.rules', {})).toMatchObject({ action: 'none' });
  });

  it('declined and language changes; answered recipients keep their state', async () => {
    const ids = await open();
    const tpl = await yearlyTemplate();
    const campaign = await t.call('surveys.createCampaign', { name: 'All', templateId: tpl.id, filter: EMPTY_CUSTOMER_FILTER });
    await t.call('surveys.recordResponse', { campaignId: campaign.id, customerId: ids[0] as number, answers: { nps: 9 } });
    const res = await t.call('surveys.updateRecipients', {
      campaignId: campaign.id,
      customerIds: [ids[0] as number, ids[1] as number],
      state: 'declined',
      language: 'zh-CN',
    });
    expect(res).toEqual({ changed: 1, skippedAnswered: 1 });
    const rows = (await t.call('surveys.recipients', { campaignId: campaign.id })).items;
    expect(rows.find((r) => r.customerId === ids[1])).toMatchObject({
      state: 'declined',
      declinedAt: '2026-11-22T08:00:00.000Z',
      language: 'zh-CN',
    });
    expect(rows.find((r) => r.customerId === ids[0])).toMatchObject({ state: 'answered' });
    const stranger = await t.raw('surveys.updateRecipients', { campaignId: campaign.id, customerIds: [99_999], state: 'sent' });
    expect(!stranger.ok && stranger.error.code).toBe('SURVEY_NOT_RECIPIENT');
  });
});

describe('questionnaire files', () => {
  it('render in English and Chinese in Chromium; the saved answers import back', async () => {
    const ids = await open();
    const tpl = await yearlyTemplate();
    const campaign = await t.call('surveys.createCampaign', { name: 'Yearly 2026', templateId: tpl.id, filter: EMPTY_CUSTOMER_FILTER });
    const cn = ids[4] as number;
    const de = ids[0] as number;
    const zhFile = await t.call('surveys.questionnaire', { campaignId: campaign.id, customerIds: [cn] });
    const enFile = await t.call('surveys.questionnaire', { campaignId: campaign.id, customerIds: [de] });
    const both = await t.call('surveys.questionnaire', { campaignId: campaign.id, customerIds: [cn, de] });
    expect(zhFile.fileName).toMatch(/^Yearly-2026-\d+-\d+-[A-Z]{2}\.html$/);
    expect(both.rows).toBe(2);
    const recipients = (await t.call('surveys.recipients', { campaignId: campaign.id })).items;
    const deCode = recipients.find((r) => r.customerId === de)?.code ?? '';

    const browser = await chromium.launch({ executablePath: requireChromium() });
    try {
      const page = await browser.newPage({ acceptDownloads: true });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && !r.url().startsWith('about:')) requests.push(r.url());
      });
      await page.setContent(Buffer.from(zhFile.contentBase64, 'base64').toString('utf8'));
      await expect(page.locator('h1').textContent()).resolves.toBe('年度合作满意度');
      const zhLegends = await page.locator('legend').allTextContents();
      expect(zhLegends.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(
        tpl.questions.map((q, i) => `${i + 1}. ${q.text.zh}${q.required ? ' *' : ''}`),
      );
      await expect(page.locator('.code').textContent()).resolves.toBe(recipients.find((r) => r.customerId === cn)?.code);

      await page.setContent(Buffer.from(enFile.contentBase64, 'base64').toString('utf8'));
      expect((await page.locator('legend').allTextContents()).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(
        tpl.questions.map((q, i) => `${i + 1}. ${q.text.en}${q.required ? ' *' : ''}`),
      );
      // The NPS question offers 0–10; saving without it is refused on the page.
      expect(await page.locator('fieldset[data-question="nps"] input[type=radio]').count()).toBe(11);
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await expect(page.locator('output').textContent()).resolves.toContain('required');
      await page.locator('fieldset[data-question="nps"] input[value="3"]').check();
      await page.locator('fieldset[data-question="csat"] input[value="2"]').check();
      await page.locator('fieldset[data-question="strength"] input[value="price"]').check();
      await page.locator('textarea').fill('Prices went up, "again", sadly');
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Save my answers' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`responses-${deCode}.csv`);
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      const csv = readFileSync(path);
      expect(requests).toEqual([]);

      // The customer e-mails the file back; it imports as their answer, and the detractor opens a complaint.
      const report = await t.call('surveys.importResponses', {
        campaignId: campaign.id,
        fileName: download.suggestedFilename(),
        contentBase64: csv.toString('base64'),
      });
      expect(report).toMatchObject({ rows: 1, imported: 1, detractors: 1, complaintsOpened: 1 });
      const answer = (await t.call('surveys.responses', { campaignId: campaign.id, customerId: de }))[0];
      expect(answer?.answers).toEqual({ nps: 3, csat: 2, strength: 'price', next_year: 'Prices went up, "again", sadly' });

      // Printing many: one sheet per customer, each in its own language.
      await page.setContent(Buffer.from(both.contentBase64, 'base64').toString('utf8'));
      expect(await page.locator('section.sheet').count()).toBe(2);
      expect(await page.locator('section.sheet h1').allTextContents()).toEqual(['年度合作满意度', 'Yearly relationship']);
    } finally {
      await browser.close();
    }
  });

  it('a responses sheet typed in Excel, with Chinese question headers and option texts, imports', async () => {
    const ids = await open();
    const tpl = await yearlyTemplate();
    const campaign = await t.call('surveys.createCampaign', { name: 'Yearly', templateId: tpl.id, filter: EMPTY_CUSTOMER_FILTER });
    const sheet = await t.call('surveys.responsesSheet', { campaignId: campaign.id, language: 'zh-CN', format: 'xlsx' });
    expect(sheet.rows).toBe(6);
    const book = XLSX.read(Buffer.from(sheet.contentBase64, 'base64'));
    const ws = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 });
    expect(rows[0]).toEqual(['code', '公司', ...tpl.questions.map((q) => q.text.zh)]);
    // Fill two rows: 9 and 质量 (the option's Chinese text), and 2 with an out-of-range CSAT 7.
    const filled = rows
      .slice(0, 3)
      .map((r, i) => (i === 1 ? [r[0], r[1], 9, 4, '质量', '更多型号'] : i === 2 ? [r[0], r[1], 2, 7, '', ''] : r));
    const out = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(filled), 'Sheet1');
    const bytes = Buffer.from(XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
    const dry = await t.call('surveys.checkResponses', {
      campaignId: campaign.id,
      fileName: 'filled.xlsx',
      contentBase64: bytes.toString('base64'),
    });
    expect(dry).toMatchObject({ rows: 2, ready: 1, problems: [{ row: 3, code: 'answers', questions: { csat: 'range' } }] });
    const done = await t.call('surveys.importResponses', {
      campaignId: campaign.id,
      fileName: 'filled.xlsx',
      contentBase64: bytes.toString('base64'),
      skipInvalid: true,
    });
    expect(done.imported).toBe(1);
    const answered = await t.call('surveys.responses', { campaignId: campaign.id });
    expect(answered[0]?.answers).toEqual({ nps: 9, csat: 4, strength: 'quality', next_year: '更多型号' });
    expect(ids).toHaveLength(6);
    const noCode = await t.raw('surveys.checkResponses', {
      campaignId: campaign.id,
      fileName: 'x.csv',
      contentBase64: b64('company,nps\nA,9\n'),
    });
    expect(!noCode.ok && noCode.error.code).toBe('SURVEY_IMPORT_INVALID');
  });
});

describe('CLI', () => {
  it('surveys list and surveys results <id> --by region --json', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const dbPath = join(dir.dir, 'surveys.db');
    const ids = await open(dbPath);
    const tpl = await yearlyTemplate();
    const campaign = await t.call('surveys.createCampaign', { name: 'Yearly', templateId: tpl.id, filter: EMPTY_CUSTOMER_FILTER });
    await t.call('surveys.recordResponse', { campaignId: campaign.id, customerId: ids[0] as number, answers: { nps: 10, csat: 5 } });
    await t.call('surveys.recordResponse', { campaignId: campaign.id, customerId: ids[2] as number, answers: { nps: 5, csat: 3 } });
    await t.close();
    const { runCli } = await import('../../src/cli/index');
    const run = async (...args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(
        [...args, '--db', dbPath],
        (s) => (out += `${s}\n`),
        (s) => (err += `${s}\n`),
      );
      return { code, out, err };
    };
    const results = await run('surveys', 'results', String(campaign.id), '--by', 'region', '--json');
    expect(results.err).toBe('');
    expect(results.code).toBe(0);
    expect(JSON.parse(results.out)).toMatchObject({
      by: 'region',
      overall: { responses: 2, nps: 0, csatAvg: 4 },
      groups: [
        { key: '005', responses: 1, nps: -100 },
        { key: '155', responses: 1, nps: 100 },
      ],
    });
    const human = await run('surveys', 'results', 'all', '--by', 'tier');
    expect(human.out).toMatch(/responses 2; NPS 0/);
    expect(JSON.parse((await run('surveys', 'list', '--json')).out)[0]).toMatchObject({
      name: 'Yearly',
      counts: { total: 6, answered: 2 },
    });
    const bad = await run('surveys', 'results', String(campaign.id), '--by', 'planet');
    expect(bad.code).toBe(2);
    const missing = await run('surveys', 'results', '999');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/NOT_FOUND/);
    t = await openTestEngine({ dbPath, now: () => clock.now });
  });
});
