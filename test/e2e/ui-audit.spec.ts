import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import type { TFunction } from 'i18next';
import { chooseOption } from './choose-option';
import { api } from './engine-api';
import { expect, test, type AppUnderTest } from './fixtures';
import { FIXTURES, seedFixtures } from './seed';
import {
  AXE_LANGUAGE_RULES,
  axeFindings,
  focusProblem,
  formatFindings,
  isFocused,
  layoutProblems,
  screenshot,
  SIZES,
  textsOf,
  type Finding,
  type Lang,
} from './ui-audit';

/**
 * The UI audit (#18, "Done when"): every page and every dialog a user can open, in English and in
 * Chinese, at 1440×900 and 1280×720, with the sample files imported. For each state: axe-core
 * (WCAG 2.0/2.1 A and AA, label-content-name-mismatch; no critical or serious violation; at
 * 1440×900; in Chinese the rules that depend on the texts, AXE_LANGUAGE_RULES, all with
 * UI_AUDIT_ALL=1), text cut off and controls covered (at both sizes), a screenshot (both sizes). On each
 * page the first 40 tab stops (in English) show a focus ring no ancestor clips; closing a dialog with Escape gives
 * focus back to what opened it, closing the customer panel to the customer's row. See ui-audit.ts
 * for the rules. Each test collects every finding and fails once, listing them all (also attached as
 * "findings"); screenshots go to test-results/ui-audit/<lang>-<w>x<h>/<state>.png and are attached.
 * UI_AUDIT_LOG=<folder> also writes the findings and a copy of the screenshots there, with timings.
 */

const COMPANY = 'A1 Harbor Lights International Trading & Logistics LLC';
/** A customer nobody owns: in the public pool (#20). */
const POOL_COMPANY = 'Qingdao Oceanic Packaging Materials Import & Export Co., Ltd.';
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const TAB_STOPS = 40;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name that starts with the text (a control whose accessible name adds to its visible text). */
const startsWith = (s: string) => new RegExp(`^${escapeRe(s)}`);

/** A text with a count in it ("Accept all 12"), whatever the count, in the singular or the plural. */
const counted = (t: TFunction, key: string) =>
  new RegExp(`^(${[1, 2].map((count) => escapeRe(t(key, { count })).replace(String(count), '[\\d,]+')).join('|')})$`);

/** The sample files, and what the dialogs need besides: a customer with contacts, follow-ups, a need, a complaint with a photo, a campaign. */
async function seed(app: AppUnderTest): Promise<void> {
  const { page } = app;
  await seedFixtures(page);
  // Li Na uses this computer: the panel offers her Claim on a pool customer and Release on hers.
  await api(page, 'prefs.save', { owners: ['Li Na'], me: 'Li Na' });
  await api(page, 'customers.create', { company: POOL_COMPANY, country: 'CN', city: 'Qingdao', owner: '' });
  const customer = await api(page, 'customers.create', {
    company: COMPANY,
    country: 'AE',
    city: 'Dubai',
    owner: 'Li Na',
    industry: 'Lights & Lighting',
    notes: 'Met at the Canton Fair; wants 600×600 LED panels with Arabic retail boxes.',
    contacts: [
      {
        name: 'Omar Al-Farsi',
        title: 'Head of Procurement',
        email: 'omar.alfarsi@harbor-lights.example',
        phone: '+971 4 555 0101',
        whatsapp: '+971 50 555 0101',
        isPrimary: true,
      },
      { name: 'Aisha Rahman', title: 'Logistics coordinator', email: 'aisha@harbor-lights.example', wechat: 'aisha_hl' },
    ],
  });
  const endOfToday = await page.evaluate(() => {
    const d = new Date();
    d.setHours(23, 59, 0, 0);
    return d.toISOString();
  });
  await api(page, 'followups.create', {
    customerId: customer.id,
    type: 'call',
    dueAt: endOfToday,
    note: 'Send the price list for 600×600 panels',
  });
  await api(page, 'followups.create', {
    customerId: customer.id,
    type: 'email',
    dueAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    note: 'Quotation follow-up',
  });
  await api(page, 'needs.create', {
    customerId: customer.id,
    category: 'packaging',
    priority: 'high',
    description: 'Retail boxes with Arabic text',
  });
  await api(page, 'complaints.create', {
    customerId: customer.id,
    category: 'quality',
    severity: 'high',
    description: '12 of 500 panels flicker after an hour',
    photos: [{ fileName: 'flicker.png', contentBase64: PNG }],
  });
  const [template] = await api(page, 'surveys.templates', {});
  if (!template) throw new Error('no survey template');
  await api(page, 'surveys.createCampaign', { name: '2026 relationship survey', templateId: template.id, filter: {} });
  await app.reload();
}

/** Runs the checks on the states of one test and collects what they find. */
class Audit {
  readonly findings: Finding[] = [];
  constructor(
    readonly page: Page,
    readonly testInfo: TestInfo,
    readonly lang: Lang,
    readonly t: TFunction,
  ) {}

  private add(list: Finding[]): void {
    for (const f of list) if (!this.findings.some((g) => g.check === f.check && g.detail === f.detail)) this.findings.push(f);
  }

  /** Waits for the page to be still: no running animation (Ant Design's motion) but the click wave, no busy region, nothing loading. */
  async settle(): Promise<void> {
    await this.page
      .waitForFunction(
        (loading) =>
          // Ant Design's click wave (a 2 s fade of a ring around the clicked button, drawn over nothing
          // and never hit) is not waited for: it was two seconds of every dialog state.
          document
            .getAnimations()
            .every(
              (a) =>
                a.playState !== 'running' ||
                ((a.effect as KeyframeEffect | null)?.target as Element | null)?.classList.contains('ant-wave') === true,
            ) &&
          !document.querySelector('[aria-busy="true"]') &&
          !Array.from(document.querySelectorAll('p, span, td')).some((el) => el.textContent === loading),
        this.t('common.loading'),
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    await this.page.waitForTimeout(50);
  }

  /**
   * One state as the user sees it now: axe at 1440×900, then layout and a screenshot at each size.
   * `scope` is a dialog or panel: the checks stay inside it (the page behind is checked on its own).
   */
  async state(name: string, scope?: Locator): Promise<void> {
    let selector: string | undefined;
    if (scope) {
      await scope.evaluate((el) => el.setAttribute('data-audit-scope', ''));
      selector = '[data-audit-scope]';
    }
    const times: number[] = [Date.now()];
    const lap = () => times.push(Date.now());
    try {
      for (const [i, size] of SIZES.entries()) {
        if (i > 0) await this.page.setViewportSize(size);
        await this.settle();
        lap();
        // English gets every WCAG rule; Chinese the rules that depend on the texts (the same markup otherwise).
        const rules = this.lang === 'en' || process.env.UI_AUDIT_ALL ? undefined : AXE_LANGUAGE_RULES;
        if (i === 0) this.add(await axeFindings(this.page, name, selector, rules));
        lap();
        this.add(await layoutProblems(this.page, `${name} @${size.width}×${size.height}`, selector));
        lap();
        await screenshot(this.page, this.testInfo, this.lang, size, name);
        lap();
      }
    } finally {
      await this.page.setViewportSize(SIZES[0]);
      if (process.env.UI_AUDIT_LOG)
        console.log(
          `${this.lang} ${name}: ${times
            .slice(1)
            .map((t, i) => t - (times[i] ?? t))
            .join(' ')} = ${Date.now() - (times[0] ?? 0)} ms`,
        );
      if (scope) await scope.evaluate((el) => el.removeAttribute('data-audit-scope')).catch(() => undefined);
    }
  }

  /** Tab through the first stops of the page from its start: each shows a ring no ancestor clips, and nothing covers it. */
  async tabWalk(name: string): Promise<void> {
    const { page } = this;
    // The tab order and the rings are the same markup in both languages: walked in English only (about
    // 30 s of the suite), in every language with UI_AUDIT_ALL=1.
    if (this.lang !== 'en' && !process.env.UI_AUDIT_ALL) return;
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.getSelection()?.removeAllRanges();
    });
    const started = Date.now();
    let bodies = 0;
    for (let i = 0; i < TAB_STOPS; i++) {
      await page.keyboard.press('Tab');
      const problem = await focusProblem(page);
      if (problem === 'body') {
        if (++bodies > 1) break;
        continue;
      }
      if (problem) this.add([{ state: `${name} (tab stop ${i + 1})`, ...problem }]);
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    if (process.env.UI_AUDIT_LOG) console.log(`${this.lang} ${name} tab walk: ${Date.now() - started} ms`);
  }

  /** A dialog opened from `opener` (clicked, or `open` run): checked as a state, then closed with Escape; focus must come back to the opener. */
  async dialog(name: string, opener: Locator, dialog: Locator, open?: () => Promise<void>): Promise<void> {
    await opener.scrollIntoViewIfNeeded();
    if (open) await open();
    else await opener.click();
    await expect(dialog).toBeVisible();
    await this.state(name, dialog);
    await this.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await this.expectFocusBack(name, opener);
  }

  /** Focus is on `target` (within 2 s: antd gives it back once its closing motion ends), else a finding. */
  async expectFocusBack(name: string, target: Locator): Promise<void> {
    const back = await expect
      .poll(() => isFocused(target), { timeout: 2_000 })
      .toBe(true)
      .then(() => true)
      .catch(() => false);
    if (back) return;
    const now = await this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'the page (body)';
      return `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}"`;
    });
    const wanted = await target.evaluate(
      (el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}"`,
    );
    this.add([{ state: name, check: 'focus-return', detail: `once closed, focus is on ${now}, not on ${wanted}` }]);
  }

  /** Fails the test with every finding (a soft failure, so an error that stopped the test is reported too). */
  report(): void {
    if (this.findings.length)
      this.testInfo.attachments.push({ name: 'findings', contentType: 'text/plain', body: Buffer.from(formatFindings(this.findings)) });
    if (process.env.UI_AUDIT_LOG)
      writeFileSync(
        join(process.env.UI_AUDIT_LOG, `findings-${this.testInfo.title.replace(/\W+/g, '-')}.txt`),
        formatFindings(this.findings),
      );
    expect.soft(this.findings, `UI audit findings (${this.lang}):\n${formatFindings(this.findings)}`).toEqual([]);
  }
}

/** Opens the app (seeded) in a language. */
async function start(app: AppUnderTest, testInfo: TestInfo, lang: Lang): Promise<Audit> {
  const { page } = app;
  await page.setViewportSize(SIZES[0]);
  await seed(app);
  const t = await textsOf(lang);
  if (lang !== 'en') {
    await chooseOption(page.getByRole('combobox', { name: (await textsOf('en'))('language.label') }), t(`language.${lang}`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }
  return new Audit(page, testInfo, lang, t);
}

function nav(audit: Audit, route: string): Locator {
  return audit.page
    .getByRole('navigation', { name: audit.t('nav.label') })
    .getByRole('link', { name: new RegExp(`^${escapeRe(audit.t(`nav.${route}`))}(?!\\p{L})`, 'u') });
}

async function goTo(audit: Audit, route: string): Promise<void> {
  await nav(audit, route).click();
  await expect(audit.page.getByRole('heading', { level: 1 })).toBeVisible();
}

const grid = (audit: Audit) => audit.page.getByRole('grid', { name: audit.t('customers.gridLabel') });
const dialogNamed = (audit: Audit, name: string | RegExp) => audit.page.getByRole('dialog', { name, exact: typeof name === 'string' });
const alertNamed = (audit: Audit, name: string) => audit.page.getByRole('alertdialog', { name, exact: true });

/** Every page and Settings tab: its state, then its first tab stops. */
async function pagesAndTabOrder(audit: Audit): Promise<void> {
  const { page, t } = audit;
  for (const route of ['customers', 'import', 'boards', 'followups', 'needs', 'complaints', 'surveys', 'dashboard', 'manager'] as const) {
    await goTo(audit, route);
    if (route === 'customers') await expect(grid(audit)).toHaveAttribute('data-total', /\d+/);
    await audit.state(`page ${route}`);
    await audit.tabWalk(`page ${route}`);
  }
  await goTo(audit, 'settings');
  for (const tab of ['general', 'staff', 'team', 'currency', 'classification', 'followups', 'pool', 'backups', 'data'] as const) {
    const tabButton = page.getByRole('tab', { name: t(`settings.tabs.${tab}`), exact: true });
    await tabButton.click();
    await expect(tabButton).toHaveAttribute('aria-selected', 'true');
    await audit.state(`settings ${tab}`);
    await audit.tabWalk(`settings ${tab}`);
  }
}

/** Customers: the toolbar's dialogs and popovers, the selection bar and its dialogs, the panel and its dialogs, quick capture and search. */
async function customerStates(audit: Audit): Promise<void> {
  const { page, t } = audit;
  await goTo(audit, 'customers');
  const g = grid(audit);
  await expect(g).toHaveAttribute('data-total', /\d+/);

  await audit.dialog(
    'new customer',
    page.getByRole('button', { name: t('customers.newCustomer'), exact: true }),
    dialogNamed(audit, t('newCustomer.title')),
  );
  await audit.dialog('export', page.getByRole('button', { name: t('export.button'), exact: true }), dialogNamed(audit, t('export.title')));
  await audit.dialog(
    'save view',
    page.getByRole('button', { name: t('customers.saveViewAs'), exact: true }),
    dialogNamed(audit, t('customers.saveViewTitle')),
  );

  // Columns and More filters: popovers in the page.
  const columns = page.getByRole('button', { name: startsWith(t('customers.columnsButton')) });
  await columns.click();
  await audit.state('columns chooser', page.getByRole('group', { name: t('customers.columnsLegend') }));
  await page.keyboard.press('Escape');
  await audit.expectFocusBack('columns chooser', columns);
  // Every column shown (the class badges: segment, tier, churn…), then the grid scrolled to its right end.
  await columns.click();
  const boxes = page.getByRole('group', { name: t('customers.columnsLegend') }).getByRole('checkbox');
  for (const box of await boxes.all()) if ((await box.isEnabled()) && !(await box.isChecked())) await box.check();
  await page.keyboard.press('Escape');
  await audit.state('customers: every column');
  await g.evaluate((el) => {
    const scroller = el.closest('.grid-scroll') ?? el.parentElement;
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
  });
  await audit.state('customers: every column, scrolled to the right');
  await g.evaluate((el) => {
    const scroller = el.closest('.grid-scroll') ?? el.parentElement;
    if (scroller) scroller.scrollLeft = 0;
  });
  await columns.click();
  await page.getByRole('button', { name: t('customers.columnsReset'), exact: true }).click();
  await page.keyboard.press('Escape');
  const more = page.getByRole('button', { name: startsWith(t('customers.moreFilters')) });
  await more.click();
  const morePanel = page.getByRole('region', { name: t('customers.moreFilters'), exact: true });
  await audit.state('more filters', morePanel);
  await page.keyboard.press('Escape');
  await expect(morePanel).toBeHidden();
  await audit.expectFocusBack('more filters', more);

  // Countries not recognised (the sample files have some).
  const fix = page.getByRole('button', { name: t('customers.unrecognisedFix'), exact: true });
  if (await fix.isVisible()) await audit.dialog('fix countries', fix, dialogNamed(audit, t('customers.unrecognisedFixTitle')));

  // Two rows selected: the selection bar and its dialogs.
  const rows = g.locator('tbody [role="row"]');
  await rows.nth(1).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  const bar = page.getByRole('group', { name: t('bulk.toolbar') });
  await expect(bar).toBeVisible();
  await audit.state('selection bar', bar);
  for (const [key, title] of [
    ['assignOwner', t('bulk.ownerTitle', { count: 2 })],
    ['addTag', t('bulk.addTagTitle', { count: 2 })],
    ['removeTag', t('bulk.removeTagTitle', { count: 2 })],
    ['planFollowUp', t('bulk.planTitle', { count: 2 })],
    ['export', t('export.title')],
  ] as const)
    await audit.dialog(`bulk ${key}`, bar.getByRole('button', { name: t(`bulk.${key}`), exact: true }), dialogNamed(audit, title));
  await bar.getByRole('button', { name: t('bulk.clear'), exact: true }).click();

  // The customer panel, and what opens from it.
  const row = rows.filter({ hasText: COMPANY });
  await row.getByRole('gridcell', { name: COMPANY }).click();
  const panel = page.getByRole('complementary', { name: COMPANY });
  await expect(panel.getByRole('heading', { name: t('detail.contacts') })).toBeVisible();
  await audit.state('customer panel', panel);
  await audit.tabWalk('customer panel');
  const logButton = panel.getByRole('button', { name: t('followups.log.button'), exact: true });
  await audit.dialog('log a touch (button)', logButton, dialogNamed(audit, t('followups.log.title', { company: COMPANY })));
  // Ctrl+L from the panel: focus comes back to where it was.
  await audit.dialog('log a touch (Ctrl+L)', logButton, dialogNamed(audit, t('followups.log.title', { company: COMPANY })), async () => {
    await logButton.focus();
    await page.keyboard.press('Control+l');
  });
  await audit.dialog(
    'plan follow-up',
    panel.getByRole('button', { name: t('followups.plan.button'), exact: true }),
    dialogNamed(audit, t('followups.plan.title', { company: COMPANY })),
  );
  await audit.dialog(
    'record a need',
    panel.getByRole('button', { name: t('relationship.section.recordNeed'), exact: true }),
    dialogNamed(audit, t('relationship.needDialog.title', { company: COMPANY })),
  );
  await audit.dialog(
    'record a complaint',
    panel.getByRole('button', { name: t('relationship.section.recordComplaint'), exact: true }),
    dialogNamed(audit, t('relationship.complaintDialog.title', { company: COMPANY })),
  );
  await audit.dialog(
    'remove contact (confirm)',
    panel.getByRole('button', { name: t('detail.removeContact', { name: 'Aisha Rahman' }), exact: true }),
    alertNamed(audit, t('detail.removeTitle')),
  );
  await panel.getByRole('button', { name: t('detail.edit'), exact: true }).click();
  await audit.state('customer panel editing', panel);
  await page.keyboard.press('Escape');
  // Closing the panel gives focus back to the customer's row: with Escape, and with its close button.
  await panel.getByRole('button', { name: t('followups.log.button'), exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await audit.expectFocusBack('customer panel closed with Escape', row);
  await row.getByRole('gridcell', { name: COMPANY }).click();
  await panel.getByRole('button', { name: t('detail.closePanel'), exact: true }).click();
  await expect(panel).toBeHidden();
  await audit.expectFocusBack('customer panel closed with its button', row);

  // The public pool: a customer nobody owns (Pool, Claim), claimed (Release to pool, when it would
  // return), the release's question, released (the cooling-off), and the grid's Pool scope.
  const search = page.getByRole('searchbox', { name: t('customers.search') });
  await search.fill(POOL_COMPANY);
  await expect(g).toHaveAttribute('data-total', '1');
  await g.getByRole('gridcell', { name: POOL_COMPANY }).click();
  const poolPanel = page.getByRole('complementary', { name: POOL_COMPANY });
  const claim = poolPanel.getByRole('button', { name: t('pool.owner.claim'), exact: true });
  await expect(claim).toBeVisible();
  await audit.state('customer panel: in the pool', poolPanel);
  await claim.click();
  const release = poolPanel.getByRole('button', { name: t('pool.owner.release'), exact: true });
  await expect(release).toBeFocused();
  await audit.state('customer panel: claimed', poolPanel);
  const releaseQuestion = alertNamed(audit, t('pool.owner.releaseTitle', { company: POOL_COMPANY }));
  await audit.dialog('release to pool (confirm)', release, releaseQuestion);
  await release.click();
  await expect(releaseQuestion).toBeVisible();
  await releaseQuestion.getByRole('button', { name: t('pool.owner.release'), exact: true }).click();
  await expect(releaseQuestion).toBeHidden();
  await expect(poolPanel.getByRole('button', { name: t('pool.owner.release'), exact: true })).toBeHidden();
  await expect(poolPanel.getByText(t('pool.owner.poolTag'), { exact: true })).toBeVisible();
  await expect(poolPanel.getByRole('status').filter({ hasText: /\S/ })).toBeVisible();
  await audit.state('customer panel: released (cooling-off)', poolPanel);
  await poolPanel.getByRole('button', { name: t('detail.closePanel'), exact: true }).click();
  await search.fill('');
  await page
    .getByRole('radiogroup', { name: t('pool.scope.label') })
    .getByText(t('pool.scope.pool'), { exact: true })
    .click();
  await expect(g).toHaveAttribute('data-total', /\d+/);
  await audit.state('customers: the pool');
  await page
    .getByRole('radiogroup', { name: t('pool.scope.label') })
    .getByText(t('pool.scope.all'), { exact: true })
    .click();

  // Quick capture and search, from the navigation.
  const capture = page.getByRole('button', { name: startsWith(t('capture.button')) });
  await capture.click();
  const fair = dialogNamed(audit, t('capture.fairTitle'));
  await expect(fair).toBeVisible();
  await audit.state('quick capture: fair', fair);
  await fair.getByRole('button', { name: t('capture.fairSkip'), exact: true }).click();
  const captureDialog = dialogNamed(audit, t('capture.title'));
  await audit.state('quick capture: lead', captureDialog);
  await page.keyboard.press('Escape');
  await expect(captureDialog).toBeHidden();
  await audit.expectFocusBack('quick capture', capture);
  const searchButton = page.getByRole('button', { name: startsWith(t('search.button')) });
  await audit.dialog('global search', searchButton, dialogNamed(audit, t('search.title')), async () => {
    await searchButton.click();
    await page.getByRole('combobox', { name: t('search.label') }).fill(audit.lang === 'en' ? 'south af' : '南非');
    await expect(
      page
        .getByRole('listbox', { name: t('search.results') })
        .getByRole('option')
        .first(),
    ).toBeVisible();
  });
}

/** Follow-ups, needs and complaints: each list's row actions and dialogs, the other lists, the "Move to…" menu. */
async function relationshipStates(audit: Audit): Promise<void> {
  const { page, t } = audit;

  await goTo(audit, 'followups');
  const today = page.getByRole('table', { name: t('followups.tabs.today'), exact: true });
  const followUp = today.getByRole('row', { name: t('followups.subject', { type: t('followups.types.call'), company: COMPANY }) });
  await expect(followUp).toBeVisible();
  const action = (key: string) => followUp.getByRole('button', { name: t(`followups.actions.${key}`), exact: true });
  await audit.dialog('complete follow-up', action('complete'), dialogNamed(audit, t('followups.complete.title')));
  await audit.dialog('snooze follow-up', action('snoozeMore'), dialogNamed(audit, t('followups.snooze.title')));
  await audit.dialog('reschedule follow-up', action('reschedule'), dialogNamed(audit, t('followups.reschedule.title')));
  await audit.dialog('cancel follow-up (confirm)', action('cancel'), alertNamed(audit, t('followups.cancel.title')));
  for (const tab of ['overdue', 'upcoming', 'done', 'churn', 'plan'] as const) {
    await page.getByRole('tab', { name: startsWith(t(`followups.tabs.${tab}`)) }).click();
    await audit.settle();
    await audit.state(`follow-ups: ${tab}`);
  }
  const accept = page.getByRole('tabpanel').getByRole('button', { name: counted(t, 'followups.proposals.acceptAll') });
  if (await accept.isEnabled()) await audit.dialog('accept proposals (confirm)', accept, page.getByRole('alertdialog'));

  await goTo(audit, 'needs');
  await audit.dialog(
    'new need',
    page.getByRole('button', { name: t('relationship.newNeed'), exact: true }),
    dialogNamed(audit, t('relationship.needDialog.newTitle')),
  );
  const card = page.getByRole('article', {
    name: t('relationship.needs.cardLabel', { company: COMPANY, category: t('relationship.needCategories.packaging') }),
  });
  const move = card.getByRole('button', { name: startsWith(t('relationship.needs.moveTo')) });
  await move.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await audit.state('need: move to… menu', page.getByRole('menu'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  await goTo(audit, 'complaints');
  await audit.dialog(
    'new complaint',
    page.getByRole('button', { name: t('relationship.newComplaint'), exact: true }),
    dialogNamed(audit, t('relationship.complaintDialog.newTitle')),
  );
  const complaint = page.getByRole('table', { name: t('relationship.complaints.tabs.open'), exact: true }).getByRole('row', {
    name: t('relationship.complaints.subject', {
      severity: t('relationship.severities.high'),
      category: t('relationship.complaintCategories.quality'),
      company: COMPANY,
    }),
  });
  const act = (key: string) => complaint.getByRole('button', { name: t(`relationship.complaints.actions.${key}`), exact: true });
  await audit.dialog('resolve complaint', act('resolve'), dialogNamed(audit, t('relationship.complaints.resolveTitle')));
  await audit.dialog('reassign complaint', act('reassign'), dialogNamed(audit, t('relationship.complaints.reassignTitle')));
  await audit.dialog(
    'complaint photos',
    complaint.getByRole('button', { name: new RegExp(escapeRe(t('relationship.photos.show', { count: 1 }))) }),
    dialogNamed(audit, t('relationship.complaints.photosTitle', { company: COMPANY })),
  );
}

/** Team performance's list and targets, boards, surveys, the import wizard's steps with a sample file, Settings' unsaved-changes question and the hand-over dialog. */
async function otherStates(audit: Audit): Promise<void> {
  const { page, t } = audit;

  // Team performance: the list behind Li Na's customers held, the targets dialog.
  await goTo(audit, 'manager');
  const held = { owner: 'Li Na', figure: t('manager.figures.held.name') };
  await audit.dialog(
    "team performance: a figure's list",
    page.getByRole('button', { name: startsWith(t('manager.figureLabel', { ...held, value: '' })) }),
    dialogNamed(audit, startsWith(t('manager.list.title', { ...held, period: '' }))),
  );
  await audit.dialog(
    'team performance: targets',
    page.getByRole('button', { name: t('manager.targets.button'), exact: true }),
    dialogNamed(audit, t('manager.targets.title')),
  );

  // Boards: save a view, a card's "Move to…" menu.
  await goTo(audit, 'boards');
  await audit.dialog(
    'boards: save view',
    page.getByRole('button', { name: t('boards.views.saveAs'), exact: true }),
    dialogNamed(audit, t('boards.views.saveTitle')),
  );
  const move = page.getByRole('button', { name: startsWith(t('boards.move.button')) }).first();
  await move.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await audit.state('boards: move to… menu', page.getByRole('menu'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  // Surveys: a new campaign, a campaign and its dialogs, the other tabs, the template editor.
  await goTo(audit, 'surveys');
  await audit.dialog(
    'surveys: new campaign',
    page.getByRole('button', { name: t('surveys.campaigns.new'), exact: true }).first(),
    dialogNamed(audit, t('surveys.newCampaign.title')),
  );
  await page.getByRole('button', { name: '2026 relationship survey', exact: true }).click();
  await expect(page.getByRole('table', { name: t('surveys.recipients.label') })).toBeVisible();
  await audit.state('surveys: campaign');
  await audit.dialog(
    'surveys: rename',
    page.getByRole('button', { name: t('surveys.campaign.rename'), exact: true }),
    dialogNamed(audit, t('surveys.campaign.renameTitle')),
  );
  await audit.dialog(
    'surveys: import responses',
    page.getByRole('button', { name: t('surveys.recipients.import'), exact: true }),
    dialogNamed(audit, t('surveys.import.title', { name: '2026 relationship survey' })),
  );
  const more = page.getByRole('button', { name: t('surveys.recipients.moreOf', { company: COMPANY }), exact: true });
  await more.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await audit.state('surveys: a recipient’s menu', page.getByRole('menu'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await audit.dialog(
    'surveys: answers',
    page.getByRole('button', { name: t('surveys.recipients.enterAnswersOf', { company: COMPANY }), exact: true }),
    dialogNamed(audit, t('surveys.answers.title', { company: COMPANY })),
  );
  for (const tab of ['results', 'templates', 'settings'] as const) {
    await page.getByRole('tab', { name: t(`surveys.tabs.${tab}`), exact: true }).click();
    await audit.state(`surveys: ${tab}`);
  }
  await page.getByRole('tab', { name: t('surveys.tabs.templates'), exact: true }).click();
  await audit.dialog(
    'surveys: new template',
    page.getByRole('button', { name: t('surveys.templates.new'), exact: true }),
    dialogNamed(audit, t('surveys.editor.titleNew')),
  );
  await audit.dialog(
    'surveys: copy a template',
    page.getByRole('button', { name: startsWith(t('surveys.templates.copy')) }).first(),
    dialogNamed(audit, t('surveys.editor.titleCopy')),
  );

  // Import: the wizard's steps with a sample file, then undoing it asks first.
  await goTo(audit, 'import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: new RegExp(`${escapeRe(t('import.chooseFile'))}$`) }).click();
  await (await chooser).setFiles(join(FIXTURES, 'online-retail-sample.csv'));
  const fileStep = page.getByRole('region', { name: t('import.steps.file') });
  await expect(fileStep.getByText('online-retail-sample.csv', { exact: true })).toBeVisible();
  await audit.state('import: file read');
  await page.getByRole('button', { name: t('import.next'), exact: true }).click();
  await expect(page.getByRole('region', { name: t('import.steps.mapping') })).toBeVisible();
  await audit.state('import: columns');
  await page.getByRole('button', { name: t('import.next'), exact: true }).click();
  const preview = page.getByRole('region', { name: t('import.steps.preview') });
  await expect(preview.getByRole('button', { name: t('import.start'), exact: true })).toBeEnabled();
  await audit.state('import: preview');
  await preview.getByRole('button', { name: t('import.start'), exact: true }).click();
  const report = page.getByRole('region', { name: t('import.steps.report') });
  await expect(report).toBeVisible();
  await audit.state('import: report');
  await audit.dialog(
    'import: undo (confirm)',
    page.getByRole('button', { name: t('importHistory.undoLabel', { file: 'online-retail-sample.csv' }), exact: true }),
    alertNamed(audit, t('importHistory.undoTitle')),
  );

  // Settings: leaving a tab with unsaved changes asks first.
  await goTo(audit, 'settings');
  await page.getByRole('textbox', { name: t('settings.general.fairName') }).fill('Canton Fair 2026 (phase 2), Guangzhou');
  const staff = page.getByRole('tab', { name: t('settings.tabs.staff'), exact: true });
  await audit.dialog('settings: discard changes (confirm)', staff, alertNamed(audit, t('detail.unsavedTitle')));
  await staff.click();
  await alertNamed(audit, t('detail.unsavedTitle'))
    .getByRole('button', { name: t('detail.discard'), exact: true })
    .click();
  // Sales staff: handing a salesperson's customers over (离职交接), with its preview of what moves.
  await expect(staff).toHaveAttribute('aria-selected', 'true');
  await audit.dialog(
    'settings: hand over customers',
    page.getByRole('button', { name: t('settings.handOver.rowLabel', { name: 'Li Na' }), exact: true }),
    dialogNamed(audit, t('settings.handOver.title')),
  );
}

// The audit's tests are the suite's longest (a minute or two each) and independent: spread over the workers.
test.describe.configure({ mode: 'parallel' });

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`UI audit (${lang})`, () => {
    // Per language, two tests of two to three minutes each (each starts the app afresh and seeds it); the
    // limit leaves room for a busy machine running another test beside them.
    test(`${lang}: every page and its tab order; customers' dialogs, panel and selection; quick capture and search`, async ({
      app,
    }, testInfo) => {
      test.setTimeout(420_000);
      const audit = await start(app, testInfo, lang);
      try {
        await pagesAndTabOrder(audit);
        await customerStates(audit);
      } finally {
        audit.report();
      }
    });

    test(`${lang}: follow-ups, needs, complaints, boards, surveys, import and settings: dialogs, menus and steps`, async ({
      app,
    }, testInfo) => {
      test.setTimeout(420_000);
      const audit = await start(app, testInfo, lang);
      try {
        await relationshipStates(audit);
        await otherStates(audit);
      } finally {
        audit.report();
      }
    });

    test(`${lang}: a menu gives focus back to its button after Escape`, async ({ app }, testInfo) => {
      const audit = await start(app, testInfo, lang);
      try {
        const { page, t } = audit;
        for (const [route, name] of [
          ['boards', startsWith(t('boards.move.button'))],
          ['needs', startsWith(t('relationship.needs.moveTo'))],
        ] as const) {
          await goTo(audit, route);
          // Pinned by its full name: while the page is still settling, "the first such button" can change.
          const label = await page.getByRole('button', { name }).first().getAttribute('aria-label');
          const button = page.getByRole('button', { name: label ?? name, exact: true }).first();
          for (const open of ['click', 'Enter'] as const) {
            if (open === 'click') await button.click();
            else {
              await button.focus();
              await page.keyboard.press('Enter');
            }
            await expect(page.getByRole('menu')).toBeVisible();
            await page.keyboard.press('Escape');
            await expect(page.getByRole('menu')).toBeHidden();
            await audit.expectFocusBack(`${route}: menu opened by ${open}, closed with Escape`, button);
          }
        }
      } finally {
        audit.report();
      }
    });
  });
}
