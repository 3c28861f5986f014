import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { chooseOption, shownChoice } from './choose-option';
import { api } from './engine-api';
import { expect, test, type AppUnderTest } from './fixtures';

/**
 * Seven customers in six countries with an owner each; an order list (two orders each in the last
 * three months) makes the four biggest buyers tier A: Berlin, Paris and Amsterdam (Western Europe)
 * and São Paulo (South America). Chicago is tier B, Lagos and Shanghai tier C.
 */
const CUSTOMERS = [
  { company: 'Berlin Licht GmbH', country: 'DE', owner: 'Lily Chen', revenue: 300_000 },
  { company: 'Paris Lumière SA', country: 'FR', owner: 'Lily Chen', revenue: 250_000 },
  { company: 'Amsterdam Lamp BV', country: 'NL', owner: 'Kevin Wu', revenue: 220_000 },
  { company: 'Sol Brasil Ltda', country: 'BR', owner: 'Kevin Wu', revenue: 200_000 },
  { company: 'Chicago Bulbs Inc', country: 'US', owner: 'Kevin Wu', revenue: 150_000 },
  { company: 'Lagos Power Ltd', country: 'NG', owner: 'Kevin Wu', revenue: 5_000 },
  { company: '上海光明贸易有限公司', country: 'CN', owner: 'Lily Chen', revenue: 5_000 },
] as const;

async function seedCustomers(app: AppUnderTest): Promise<void> {
  const { page } = app;
  for (const c of CUSTOMERS) await api(page, 'customers.create', { company: c.company, country: c.country, owner: c.owner });
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
  const lines = ['Order No,Order Date,Company,Country,Amount,Currency'];
  CUSTOMERS.forEach((c, i) => {
    lines.push(`SO-${i}-1,${day(20 + i)},${c.company},${c.country},${(c.revenue / 2).toFixed(2)},USD`);
    lines.push(`SO-${i}-2,${day(80 + i)},${c.company},${c.country},${(c.revenue / 2).toFixed(2)},USD`);
  });
  const contentBase64 = Buffer.from(lines.join('\n'), 'utf8').toString('base64');
  const analysis = await api(page, 'import.analyze', { fileName: 'orders.csv', contentBase64 });
  expect(analysis.kind).toBe('orders');
  const done = await api(page, 'import.commit', { fileId: analysis.fileId, kind: analysis.kind, mapping: analysis.mapping });
  expect(done).toMatchObject({ orders: 14, customersCreated: 0, failedRows: 0 });
  const stats = await api(page, 'stats.overview', {});
  expect(stats.customers).toBe(CUSTOMERS.length);
  expect(stats.byTier.A).toBe(4);
  await app.reload();
}

/** The recipients table's row of one company. */
function recipientRow(page: Page, company: string): Locator {
  return page.getByRole('table', { name: 'Customers in this campaign' }).getByRole('row').filter({ hasText: company });
}

test.describe('satisfaction surveys', () => {
  test('a campaign for a board class: answers by hand and from a file, results by region, a complaint for the detractor', async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await seedCustomers(app);

    // Boards → Value tier → the tier A column → "Survey this column…".
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Boards' }).click();
    await chooseOption(page.getByLabel('Group by'), 'Value tier');
    const tierA = page.getByTestId('board-column-A');
    await expect(tierA).toHaveAttribute('data-count', '4');
    await tierA.getByRole('link', { name: /^Survey this column…/ }).click();
    await expect(page).toHaveURL(/#\/surveys$/);

    // The new-campaign dialog comes prefilled with the column: 4 customers, the yearly template.
    const dialog = page.getByRole('dialog', { name: 'New survey campaign' });
    await expect(shownChoice(dialog.getByRole('combobox', { name: 'Customers' }))).toHaveText('Board · Value tier: Tier A');
    await expect(dialog.getByTestId('campaign-audience')).toHaveText('4 customers will receive this survey.');
    await expect(shownChoice(dialog.getByRole('combobox', { name: 'Template' }))).toHaveText('Yearly relationship');
    await dialog.getByRole('textbox', { name: 'Campaign name' }).fill('2026 key accounts');
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Campaign “2026 key accounts” created for 4 customers.');

    // The campaign lists its customers, each not sent yet, with a code.
    await expect(page.getByRole('heading', { name: '2026 key accounts' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Customers in this campaign' });
    await expect(table.locator('tbody tr')).toHaveCount(4);
    await expect(table.locator('tbody tr[data-state="not_sent"]')).toHaveCount(4);
    expect((await table.locator('tbody th[scope="row"]').allTextContents()).sort()).toEqual([
      'Amsterdam Lamp BV',
      'Berlin Licht GmbH',
      'Paris Lumière SA',
      'Sol Brasil Ltda',
    ]);
    const codeOf = async (company: string) => ((await recipientRow(page, company).locator('td.surveys-code').textContent()) ?? '').trim();
    const codes = { amsterdam: await codeOf('Amsterdam Lamp BV'), brazil: await codeOf('Sol Brasil Ltda') };
    expect(codes.amsterdam).toMatch(/^\d+-\d+-[A-Z]{2}$/);

    // By hand, by keyboard, during a call: Berlin is a promoter (a digit picks 9, the arrow key moves on to 10).
    await recipientRow(page, 'Berlin Licht GmbH').getByRole('button', { name: 'Enter answers from Berlin Licht GmbH' }).click();
    const berlin = page.getByRole('dialog', { name: 'Answers from Berlin Licht GmbH' });
    const npsGroup = berlin.locator('fieldset[data-question="nps"]');
    await expect(npsGroup.locator('input[type=radio]')).toHaveCount(11);
    await expect(npsGroup.locator('input[value="0"]')).toBeFocused();
    await page.keyboard.press('9');
    await expect(npsGroup.locator('input[value="9"]')).toBeChecked();
    await page.keyboard.press('ArrowRight');
    await expect(npsGroup.locator('input[value="10"]')).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('5');
    await expect(berlin.locator('fieldset[data-question="csat"] input[value="5"]')).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('2');
    await expect(berlin.getByRole('radio', { name: 'Quality' })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.type('More LED panels next year');
    await page.keyboard.press('Control+Enter');
    await expect(berlin).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Answers from Berlin Licht GmbH saved (NPS 10 · CSAT 5).');
    await expect(recipientRow(page, 'Berlin Licht GmbH')).toHaveAttribute('data-state', 'answered');

    // Paris is a detractor. Saving without the required NPS says so next to the question.
    await recipientRow(page, 'Paris Lumière SA').getByRole('button', { name: 'Enter answers from Paris Lumière SA' }).click();
    const paris = page.getByRole('dialog', { name: 'Answers from Paris Lumière SA' });
    await expect(paris.locator('fieldset[data-question="nps"] input[value="0"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(paris.locator('fieldset[data-question="nps"]')).toContainText('Please answer this question.');
    await expect(paris.locator('fieldset[data-question="nps"] input[value="0"]')).toBeFocused();
    await page.keyboard.press('3');
    await expect(paris.locator('fieldset[data-question="nps"]')).not.toContainText('Please answer this question.');
    await paris.getByRole('radio', { name: '2 · Dissatisfied' }).check();
    await paris.getByRole('textbox', { name: 'What products or services do you need next year?' }).fill('Samples take too long');
    await paris.getByRole('button', { name: 'Save answers' }).click();
    await expect(paris).toBeHidden();
    await expect(page.getByRole('status')).toContainText(
      'Answers from Paris Lumière SA saved (NPS 3 · CSAT 2). A complaint was opened for Lily Chen.',
    );

    // A responses file for the other two, with the codes the table shows, and one mistyped code.
    const csv = [
      'code,nps,csat,What do you value most in us?,next_year',
      `${codes.amsterdam},9,4,Service,`,
      `${codes.brazil},8,4,,More solar street lights`,
      '99-1-AA,5,3,,',
    ].join('\r\n');
    const file = testInfo.outputPath('responses.csv');
    writeFileSync(file, csv, 'utf8');
    await page.getByRole('button', { name: 'Import responses…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import responses: 2026 key accounts' });
    const chooser = page.waitForEvent('filechooser');
    await importing.getByRole('button', { name: 'Choose file' }).click();
    await (await chooser).setFiles(file);
    const report = importing.getByTestId('survey-import-report');
    await expect(report.locator('[data-figure="rows"] dd')).toHaveText('3');
    await expect(report.locator('[data-figure="ready"] dd')).toHaveText('2');
    await expect(report.locator('[data-figure="problems"] dd')).toHaveText('1');
    await expect(report.locator('tr[data-row="4"]')).toContainText('Not a valid questionnaire code');
    const commit = importing.getByRole('button', { name: 'Import 2 responses' });
    await expect(commit).toBeDisabled();
    await importing.getByLabel('Skip the 1 row with problems and import the rest').check();
    await commit.click();
    const done = importing.getByTestId('survey-import-done');
    await expect(done).toContainText('Imported 2 responses from responses.csv.');
    await expect(done).toContainText('0 of them are detractors.');
    await importing.getByRole('button', { name: 'Close' }).click();
    await expect(importing).toBeHidden();
    const counts = page.getByTestId('campaign-counts');
    await expect(counts.locator('[data-state="answered"] dd')).toHaveText('4');
    await expect(table.locator('tbody tr[data-state="answered"]')).toHaveCount(4);

    // Results by region: Western Europe 3 answers (2 promoters, 1 detractor), South America 1 passive.
    await page.getByRole('button', { name: 'See results' }).click();
    await expect(page.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
    await expect(shownChoice(page.getByRole('combobox', { name: 'Campaign' }))).toHaveText('2026 key accounts');
    await expect(shownChoice(page.getByRole('combobox', { name: 'Break down by' }))).toHaveText('Region');
    const headline = page.getByTestId('results-headline');
    await expect(headline.locator('[data-figure="nps"] dd')).toHaveText('+25');
    await expect(headline.locator('[data-figure="csat"] dd')).toHaveText('3.75');
    await expect(headline.locator('[data-figure="responses"] dd')).toHaveText('4');
    await expect(page.getByRole('img', { name: 'Chart: NPS and CSAT by Region' })).toBeVisible();
    await page.getByText('Show as table').first().click();
    const results = page.getByTestId('results-table');
    await expect(results.locator('tbody tr')).toHaveCount(2);
    const west = results.locator('tr[data-key="155"]');
    await expect(west.locator('th')).toHaveText('Western Europe');
    await expect(west.locator('[data-field="responses"]')).toHaveText('3');
    await expect(west.locator('[data-field="nps"]')).toHaveText('+33.3');
    await expect(west.locator('[data-field="csat"]')).toHaveText('3.67');
    const south = results.locator('tr[data-key="005"]');
    await expect(south.locator('th')).toHaveText('South America');
    await expect(south.locator('[data-field="responses"]')).toHaveText('1');
    await expect(south.locator('[data-field="nps"]')).toHaveText('0');

    // Clicking through to the answers of Western Europe; the detractor's answer links to its complaint.
    await west.getByRole('button', { name: 'Show the answers from Western Europe' }).click();
    const answers = page.getByRole('table', { name: 'Answers: Western Europe' });
    await expect(answers.locator('tbody tr')).toHaveCount(3);
    expect((await answers.locator('tbody th[scope="row"] a').allTextContents()).sort()).toEqual([
      'Amsterdam Lamp BV',
      'Berlin Licht GmbH',
      'Paris Lumière SA',
    ]);
    const parisAnswer = answers.locator('tbody tr').filter({ hasText: 'Paris Lumière SA' });
    await expect(parisAnswer).toHaveAttribute('data-detractor', 'true');
    await expect(parisAnswer).toContainText('“Samples take too long”');
    await expect(answers.locator('tbody tr').filter({ hasText: 'Amsterdam Lamp BV' })).toContainText('Service');
    await page.getByLabel('Detractors only').check();
    await expect(answers.locator('tbody tr')).toHaveCount(1);
    // What customers wrote, by segment, and the trend across campaigns.
    await expect(page.getByTestId('text-answers')).toContainText('Samples take too long');
    await expect(page.getByTestId('text-answers')).toContainText('More solar street lights');

    // The complaint opened for the detractor, for the owner, on the Complaints page.
    const complaintLink = parisAnswer.getByRole('link', { name: 'Complaint opened' });
    const complaintId = await complaintLink.getAttribute('data-complaint-id');
    expect(complaintId).toMatch(/^\d+$/);
    await complaintLink.click();
    await expect(page).toHaveURL(/#\/complaints$/);
    const complaint = page.locator(`tr[data-complaint-id="${complaintId}"]`);
    await expect(complaint).toBeVisible();
    await expect(complaint).toContainText('Paris Lumière SA');
    await expect(complaint).toContainText('Lily Chen');
    await expect(complaint).toContainText('NPS 3 · CSAT 2');
    await expect(complaint).toContainText('Samples take too long');

    // The customer's timeline shows the response.
    const parisId = (await api(page, 'customers.list', { filter: { search: 'Paris Lumière' } })).rows[0]?.id ?? 0;
    const timeline = await api(page, 'timeline.list', { customerId: parisId });
    expect(timeline.some((e) => e.subtype === 'survey_response' && e.summary.includes('NPS 3'))).toBe(true);
  });

  test('questionnaires download as HTML in each customer’s language and mark the customer sent', async ({ app }) => {
    const { page } = app;
    await seedCustomers(app);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Surveys' }).click();
    await expect(page.getByRole('heading', { name: 'Surveys', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'New campaign' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New survey campaign' });
    await expect(shownChoice(dialog.getByRole('combobox', { name: 'Customers' }))).toHaveText('All active customers');
    await expect(dialog.getByTestId('campaign-audience')).toHaveText('7 customers will receive this survey.');
    await dialog.getByRole('textbox', { name: 'Campaign name' }).fill('Yearly 2025');
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByRole('heading', { name: 'Yearly 2025' })).toBeVisible();
    // A typo in the name is put right from the campaign's page, by keyboard.
    await page.getByRole('button', { name: 'Rename…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename the campaign' });
    await rename.getByRole('textbox', { name: 'Campaign name' }).fill('');
    await rename.getByRole('textbox', { name: 'Campaign name' }).press('Enter');
    await expect(rename.getByText('This field is required.')).toBeVisible();
    await rename.getByRole('textbox', { name: 'Campaign name' }).fill('Yearly 2026');
    await rename.getByRole('textbox', { name: 'Campaign name' }).press('Enter');
    await expect(rename).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Yearly 2026' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('The campaign is now called “Yearly 2026”.');

    // The Chinese customer gets a Chinese questionnaire; downloading it marks them sent.
    const shanghai = recipientRow(page, '上海光明贸易有限公司');
    await expect(shanghai.locator('td').nth(5)).toHaveText('Chinese');
    const code = ((await shanghai.locator('td.surveys-code').textContent()) ?? '').trim();
    const downloading = page.waitForEvent('download');
    await shanghai.getByRole('button', { name: 'Download the questionnaire for 上海光明贸易有限公司' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`Yearly-2026-${code}.html`);
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>年度合作满意度</h1>');
    expect(html).toContain(code);
    expect(html).not.toMatch(/(src|href)="https?:/);
    await expect(page.getByRole('status')).toContainText(`Questionnaire for 上海光明贸易有限公司 saved as Yearly-2026-${code}.html.`);
    await expect(shanghai).toHaveAttribute('data-state', 'sent');

    // The German customer's is in English, unless the questionnaire language is changed to Chinese.
    const berlin = recipientRow(page, 'Berlin Licht GmbH');
    const en = page.waitForEvent('download');
    await berlin.getByRole('button', { name: 'Download the questionnaire for Berlin Licht GmbH' }).click();
    const enHtml = readFileSync(await (await en).path(), 'utf8');
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('<h1>Yearly relationship</h1>');
    // The file is a working form: rendered, it offers the NPS scale 0–10.
    const viewer = await page.context().newPage();
    await viewer.setContent(enHtml);
    await expect(viewer.locator('fieldset[data-question="nps"] input[type=radio]')).toHaveCount(11);
    await expect(viewer.getByRole('button', { name: 'Save my answers' })).toBeVisible();
    await viewer.close();

    await berlin.getByRole('button', { name: 'More actions for Berlin Licht GmbH' }).click();
    await page.getByRole('menuitem', { name: 'Questionnaire in Chinese' }).click();
    await expect(berlin.locator('td').nth(5)).toHaveText('Chinese');
    const zh = page.waitForEvent('download');
    await berlin.getByRole('button', { name: 'Download the questionnaire for Berlin Licht GmbH' }).click();
    expect(readFileSync(await (await zh).path(), 'utf8')).toContain('<h1>年度合作满意度</h1>');

    // Declined by the menu, by keyboard.
    const lagos = recipientRow(page, 'Lagos Power Ltd');
    await lagos.getByRole('button', { name: 'More actions for Lagos Power Ltd' }).press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Mark sent' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(lagos).toHaveAttribute('data-state', 'declined');
    await expect(page.getByTestId('campaign-counts').locator('[data-state="declined"] dd')).toHaveText('1');

    // Answers by hand can be changed: the form comes back filled in.
    await recipientRow(page, 'Chicago Bulbs Inc').getByRole('button', { name: 'Enter answers from Chicago Bulbs Inc' }).click();
    const chicago = page.getByRole('dialog', { name: 'Answers from Chicago Bulbs Inc' });
    await expect(chicago.locator('fieldset[data-question="nps"] input[value="0"]')).toBeFocused();
    await page.keyboard.press('9');
    await page.keyboard.press('Enter');
    await expect(chicago).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Answers from Chicago Bulbs Inc saved (NPS 9).');
    await recipientRow(page, 'Chicago Bulbs Inc').getByRole('button', { name: 'Change answers from Chicago Bulbs Inc' }).click();
    const change = page.getByRole('dialog', { name: 'Change the answers from Chicago Bulbs Inc' });
    await expect(change.locator('fieldset[data-question="nps"] input[value="9"]')).toBeChecked();
    await change.locator('fieldset[data-question="nps"] input[value="9"]').focus();
    await page.keyboard.press('7');
    await expect(change.locator('fieldset[data-question="nps"] input[value="7"]')).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(change).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Answers from Chicago Bulbs Inc saved (NPS 7).');

    // Printing: one file with the questionnaire of each customer not sent yet, who are then marked sent.
    const counts = page.getByTestId('campaign-counts');
    await expect(counts.locator('[data-state="not_sent"] dd')).toHaveText('3');
    const printing = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Print questionnaires for the 3 not sent' }).click();
    const printed = await printing;
    expect(printed.suggestedFilename()).toBe('Yearly-2026-3.html');
    expect(readFileSync(await printed.path(), 'utf8').match(/<section class="sheet"/g)).toHaveLength(3);
    await expect(counts.locator('[data-state="not_sent"] dd')).toHaveText('0');
    await expect(counts.locator('[data-state="sent"] dd')).toHaveText('5');

    // In Chinese, the page speaks Chinese.
    await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
    await expect(page.getByRole('heading', { name: '满意度调查', level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: '调查活动' })).toBeVisible();
    await expect(page.getByRole('table', { name: '本次调查的客户' })).toBeVisible();
  });

  test('templates: a copy of a ready-made one is edited, checked field by field, saved, and deleted', async ({ app }) => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Surveys' }).click();
    await page.getByRole('tab', { name: 'Templates' }).click();
    const yearly = page.getByRole('article', { name: 'Yearly relationship' });
    await expect(yearly).toContainText('Ready-made');
    await expect(yearly.getByRole('button', { name: 'Delete Yearly relationship' })).toHaveCount(0);
    await yearly.getByText('Show questions').click();
    await expect(yearly.locator('li[data-question="nps"]')).toContainText('How likely are you to recommend us');
    await expect(yearly.locator('li[data-question="nps"]')).toContainText('您向合作伙伴推荐我们的可能性有多大');

    await yearly.getByRole('button', { name: 'Copy and edit Yearly relationship' }).click();
    const editor = page.getByRole('dialog', { name: 'Copy of a survey template' });
    await expect(editor.getByRole('textbox', { name: 'Name (English)' })).toHaveValue('Yearly relationship (copy)');
    await editor.getByRole('textbox', { name: 'Name (English)' }).fill('Trade fair follow-up');
    await editor.getByRole('textbox', { name: 'Name (Chinese)' }).fill('展会回访');
    // A new question needs its texts, and a choice needs two options with texts.
    await editor.getByRole('button', { name: 'Add question' }).click();
    const fifth = editor.getByRole('group', { name: 'Question 5' });
    await chooseOption(fifth.getByRole('combobox', { name: 'Type' }), 'Single choice');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect(fifth.getByRole('textbox', { name: 'Question (English)' })).toBeFocused();
    await expect(fifth).toContainText('Required.');
    await fifth.getByRole('textbox', { name: 'Question (English)' }).fill('Which booth did you visit?');
    await fifth.getByRole('textbox', { name: 'Question (Chinese)' }).fill('您参观了哪个展位？');
    await fifth.getByRole('textbox', { name: 'Option 1 (English)' }).fill('Lighting hall');
    await fifth.getByRole('textbox', { name: 'Option 1 (Chinese)' }).fill('照明馆');
    await fifth.getByRole('textbox', { name: 'Option 2 (English)' }).fill('Solar hall');
    await fifth.getByRole('textbox', { name: 'Option 2 (Chinese)' }).fill('太阳能馆');
    // Ids are checked too: the same id twice is refused next to the field.
    await fifth.getByRole('textbox', { name: 'Id', exact: true }).fill('nps');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect(fifth).toContainText('This id is used twice.');
    await fifth.getByRole('textbox', { name: 'Id', exact: true }).fill('booth');
    await editor.getByRole('button', { name: 'Move up (question 5)' }).click();
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Template “Trade fair follow-up” saved.');

    const own = page.getByRole('article', { name: 'Trade fair follow-up' });
    await expect(own).toContainText('Own');
    await expect(own).toContainText('5 questions');
    const saved = (await api(page, 'surveys.templates', {})).find((x) => x.name.en === 'Trade fair follow-up');
    expect(saved?.questions.map((q) => q.id)).toEqual(['nps', 'csat', 'strength', 'booth', 'next_year']);
    expect(saved?.questions[3]).toMatchObject({
      type: 'single',
      options: [
        { id: 'o1', text: { en: 'Lighting hall', zh: '照明馆' } },
        { id: 'o2', text: { en: 'Solar hall', zh: '太阳能馆' } },
      ],
    });

    await own.getByRole('button', { name: 'Delete Trade fair follow-up' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this template?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(own).toHaveCount(0);
    await expect(page.getByRole('status')).toContainText('Template “Trade fair follow-up” deleted.');
  });
});
