import { chooseOption, shownChoice } from './choose-option';
import type { Page } from '@playwright/test';
import type { ExportDeskApi } from '../../src/shared/ipc/api';
import { api } from './engine-api';
import { expect, test, type AppUnderTest } from './fixtures';
import { seedFixtures } from './seed';

const TOTAL = 156;

/** Seeds the six sample files, reopens the app and goes to the boards page by the navigation. */
async function openSeededBoards(app: AppUnderTest): Promise<Page> {
  const { page } = app;
  await seedFixtures(page);
  await app.reload();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Boards' }).click();
  await expect(page).toHaveURL(/#\/boards$/);
  await expect(page.getByRole('heading', { name: 'Classification boards' })).toBeVisible();
  return page;
}

/** The board's columns as rendered: class key → count shown in the header (waits for `dimension`). */
async function renderedCounts(page: Page, dimension: string): Promise<Record<string, number>> {
  const board = page.getByTestId('board');
  await expect(board).toHaveAttribute('data-dimension', dimension);
  return board
    .locator('section[data-column-key]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-column-key') ?? '?', Number(e.getAttribute('data-count'))])),
    );
}

/** The board's dimensions as the "Group by" list names them. */
const DIMENSION_LABELS: Record<string, string> = {
  continent: 'Continent',
  industry: 'Industry',
  segment: 'RFM segment',
  tier: 'Value tier',
  lifecycle: 'Lifecycle',
};

async function groupBy(page: Page, dimension: string): Promise<Record<string, number>> {
  await chooseOption(page.getByLabel('Group by'), DIMENSION_LABELS[dimension] ?? dimension);
  return renderedCounts(page, dimension);
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

test.describe('classification boards', () => {
  test('boards by continent, industry, segment, tier and lifecycle show the engine’s counts', async ({ app }) => {
    const page = await openSeededBoards(app);
    const stats = await api(page, 'stats.overview', {});
    expect(stats.customers).toBe(TOTAL);

    // Continents: fixed facts of the sample files, and the same as the engine's overview.
    const continents = await groupBy(page, 'continent');
    expect(continents).toEqual({ '142': 51, '150': 40, '019': 33, '002': 26, '009': 6 });
    expect(continents).toEqual(Object.fromEntries(stats.byContinent.map((c) => [c.code, c.count])));
    const asia = page.getByTestId('board-column-142');
    await expect(asia.getByRole('heading', { name: 'Asia' })).toBeVisible();
    await expect(asia.getByTestId('board-column-count')).toHaveText('51 customers');
    // The count links to the customer list filtered to the class.
    const href = await asia.getByTestId('board-column-count').getAttribute('href');
    expect(href).toMatch(/^#\/customers\?filter=/);
    expect(JSON.parse(decodeURIComponent(href?.split('filter=')[1] ?? ''))).toMatchObject({ continents: ['142'], archived: 'active' });
    // A column is a labelled list; it shows its first 30 cards and loads the rest on scroll.
    const asiaList = page.getByRole('list', { name: 'Asia: 51 customers' });
    await expect(asiaList.getByRole('listitem')).toHaveCount(30);
    await asia.locator('.board-column-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(asiaList.getByRole('listitem')).toHaveCount(51);
    // A card: company, the country code, tier, lifecycle and priority, focusable.
    const firstCard = asiaList.getByRole('listitem').first();
    await expect(firstCard.locator('.board-card-country')).toHaveText(/^[A-Z]{2}$/);
    await firstCard.focus();
    await expect(firstCard).toBeFocused();

    // Industries do not depend on the date either.
    const industries = await groupBy(page, 'industry');
    expect(industries).toEqual({
      'Electrical Equipment & Supplies': 30,
      'Consumer Electronics': 22,
      'Home & Garden': 22,
      'Construction & Real Estate': 19,
      'Lights & Lighting': 16,
      'Packaging & Printing': 16,
      'Renewable Energy': 13,
      'Vehicles & Accessories': 13,
      '': 5,
    });
    await expect(page.getByTestId('board-column-').getByRole('heading', { name: 'Not set' })).toBeVisible();

    // Computed classes depend on today's date: compare with the engine's overview at test time.
    const segments = await groupBy(page, 'segment');
    expect(sum(segments)).toBe(TOTAL);
    expect(nonZero(segments)).toEqual(nonZero(stats.bySegment));
    const tiers = await groupBy(page, 'tier');
    expect(Object.keys(tiers)).toEqual(['A', 'B', 'C', 'none']);
    expect(sum(tiers)).toBe(TOTAL);
    expect(nonZero(tiers)).toEqual(nonZero(stats.byTier));
    const lifecycle = await groupBy(page, 'lifecycle');
    expect(Object.keys(lifecycle)).toEqual(['inquiry', 'sample', 'first_order', 'repeat', 'key_account', 'dormant', 'lost']);
    expect(sum(lifecycle)).toBe(TOTAL);
    expect(nonZero(lifecycle)).toEqual(nonZero(stats.byLifecycle));
    await expect(page.getByTestId('board-classified-at')).toContainText('Last classified');

    // A filter applies to every column: Europe only.
    await chooseOption(page.getByRole('combobox', { name: 'Filter by continent' }), 'eur', 'Europe (40)');
    await expect.poll(async () => sum(await renderedCounts(page, 'lifecycle'))).toBe(40);
  });

  test('dragging a card to another lifecycle column sets an override that survives a reload', async ({ app }) => {
    const page = await openSeededBoards(app);
    const before = await renderedCounts(page, 'lifecycle');
    // Drag the first card of a column to another stage; both among the first four columns, so that
    // both are on screen together (1400px window) and nothing scrolls during the gesture.
    const onScreen = Object.entries(before).slice(0, 4);
    const from = onScreen.find(([, n]) => n > 0)?.[0] ?? '';
    const to = (onScreen.find(([key, n]) => n === 0 && key !== from) ?? onScreen.find(([key]) => key !== from))?.[0] ?? '';
    expect(from && to).toBeTruthy();
    const fromColumn = page.getByTestId(`board-column-${from}`);
    const toColumn = page.getByTestId(`board-column-${to}`);
    const card = fromColumn.getByRole('listitem').first();
    const id = Number(await card.getAttribute('data-card-id'));
    const company = (await card.locator('.board-card-company').textContent()) ?? '';
    await expect(card.getByTestId('card-override')).toHaveCount(0);

    await card.dragTo(toColumn);
    await expect(page.getByRole('status')).toContainText(`${company} moved to`);
    await expect(toColumn).toHaveAttribute('data-count', String(before[to]! + 1));
    await expect(fromColumn).toHaveAttribute('data-count', String(before[from]! - 1));
    const moved = toColumn.getByTestId(`board-card-${id}`);
    await expect(moved).toBeVisible();
    await expect(moved.getByTestId('card-override')).toContainText('set by hand');
    await expect(fromColumn.getByTestId(`board-card-${id}`)).toHaveCount(0);

    // In the database, not just on screen: reopen the app.
    await app.reload();
    await expect(page.getByRole('heading', { name: 'Classification boards' })).toBeVisible();
    await expect(page.getByTestId(`board-column-${to}`).getByTestId(`board-card-${id}`).getByTestId('card-override')).toBeVisible();
    const stats = await api(page, 'stats.overview', {});
    expect(stats.byLifecycle[to]).toBe(before[to]! + 1);
    const { cards } = await api(page, 'boards.cards', { dimension: 'lifecycle', key: to, limit: 30 });
    expect(cards.find((c) => c.id === id)).toMatchObject({ lifecycle: to, lifecycleOverridden: true });

    // The keyboard way back: "Move to…" on the stage the data gives clears the override.
    const back = page.getByTestId(`board-column-${to}`).getByTestId(`board-card-${id}`);
    await back.getByRole('button', { name: `Move to… (${company})` }).press('Enter');
    const menu = page.getByRole('menu', { name: `Move to… (${company})` });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await menu
      .getByRole('menuitem', {
        name: (await page.getByTestId(`board-column-${from}`).getByRole('heading').textContent()) ?? '',
        exact: true,
      })
      .click();
    await expect(page.getByRole('status')).toContainText('the hand-set stage was cleared');
    const home = page.getByTestId(`board-column-${from}`).getByTestId(`board-card-${id}`);
    await expect(home).toBeVisible();
    await expect(home.getByTestId('card-override')).toHaveCount(0);
    expect(await renderedCounts(page, 'lifecycle')).toEqual(before);
  });

  test('a computed board (segment) refuses drops and explains why; nothing changes', async ({ app }) => {
    const page = await openSeededBoards(app);
    const before = await groupBy(page, 'segment');
    const statsBefore = await api(page, 'stats.overview', {});
    await expect(page.getByTestId('board-hint')).toContainText('computed');
    const [from, to] = Object.entries(before)
      .filter(([, n]) => n > 0)
      .map(([k]) => k);
    expect(from && to).toBeTruthy();
    const fromColumn = page.getByTestId(`board-column-${from}`);
    const toColumn = page.getByTestId(`board-column-${to}`);
    const card = fromColumn.getByRole('listitem').first();
    const id = await card.getAttribute('data-card-id');
    // No "Move to…" on a computed board.
    await expect(card.getByRole('button', { name: /^Move to…/ })).toHaveCount(0);

    // While dragging over another column, it says it will not take the card.
    await card.hover();
    await page.mouse.down();
    await toColumn.hover({ position: { x: 40, y: 200 } });
    await toColumn.hover({ position: { x: 60, y: 220 } });
    await expect(toColumn.getByTestId('board-drop-refused')).toHaveText('Computed column: cards cannot be dropped here');
    await expect(toColumn).toHaveClass(/is-drop-refused/);
    await page.mouse.up();
    await expect(page.getByRole('alert')).toContainText('This column is computed from orders and inquiries');
    await expect(toColumn.getByTestId('board-drop-refused')).toHaveCount(0);

    // The real drag gesture too.
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    await card.dragTo(toColumn);
    await expect(page.getByRole('alert')).toContainText('This column is computed from orders and inquiries');

    // Nothing moved, on screen or in the engine.
    await expect(fromColumn.getByTestId(`board-card-${id}`)).toBeVisible();
    await expect(toColumn.getByTestId(`board-card-${id}`)).toHaveCount(0);
    expect(await renderedCounts(page, 'segment')).toEqual(before);
    const statsAfter = await api(page, 'stats.overview', {});
    expect(statsAfter.bySegment).toEqual(statsBefore.bySegment);
    // The engine refuses a move on a derived dimension as well.
    const refused = await page.evaluate(
      async (customerId) =>
        (window as unknown as { api: ExportDeskApi }).api['boards.move']({
          customerId,
          version: 1,
          dimension: 'segment',
          from: 'a',
          to: 'b',
        }),
      Number(id),
    );
    expect(refused.ok ? null : refused.error.code).toBe('CLASS_NOT_MANUAL');
  });

  test('a saved board view restores its grouping and filters', async ({ app }) => {
    const page = await openSeededBoards(app);
    await groupBy(page, 'industry');
    await chooseOption(page.getByRole('combobox', { name: 'Filter by continent' }), 'Europe', 'Europe (40)');
    await chooseOption(page.getByRole('combobox', { name: 'Filter by owner' }), '王芳', '王芳 (43)');
    await expect.poll(async () => sum(await renderedCounts(page, 'industry'))).toBeLessThan(40);
    const filtered = await renderedCounts(page, 'industry');
    const owned = await api(page, 'boards.columns', { dimension: 'industry', filter: { continents: ['150'], owners: ['王芳'] } });
    expect(filtered).toEqual(Object.fromEntries(owned.columns.map((c) => [c.key, c.count])));

    await page.getByRole('button', { name: 'Save view as…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save board view' });
    await dialog.getByRole('textbox', { name: 'View name' }).fill('Europe by industry');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Saved the view “Europe by industry”');
    await expect(shownChoice(page.getByLabel('Saved views', { exact: true }))).toHaveText('Europe by industry');

    // A second view with the same name is refused, in the dialog.
    await page.getByRole('button', { name: 'Save view as…' }).click();
    await dialog.getByRole('textbox', { name: 'View name' }).fill('europe BY industry');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toContainText('A saved view with this name already exists');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // Somewhere else, then back through the saved view, also after reopening the app.
    for (const reopen of [false, true]) {
      if (reopen) await app.reload();
      await groupBy(page, 'tier');
      const clear = page.getByRole('button', { name: 'Clear filters' });
      if (await clear.isVisible()) await clear.click();
      await expect.poll(async () => sum(await renderedCounts(page, 'tier'))).toBe(TOTAL);
      await chooseOption(page.getByLabel('Saved views', { exact: true }), 'Europe by industry');
      await expect(shownChoice(page.getByLabel('Group by'))).toHaveText('Industry');
      await expect(shownChoice(page.getByRole('combobox', { name: 'Filter by continent' }))).toHaveText('Europe (40)');
      await expect(shownChoice(page.getByRole('combobox', { name: 'Filter by owner' }))).toHaveText('王芳 (43)');
      await expect.poll(() => renderedCounts(page, 'industry')).toEqual(filtered);
    }

    // Delete it.
    await page.getByRole('button', { name: 'Delete view' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this saved view?' }).getByRole('button', { name: 'Delete view' }).click();
    await expect(page.getByRole('status')).toContainText('Deleted the view “Europe by industry”');
    expect(await api(page, 'views.list', { kind: 'board' })).toEqual([]);
  });
});
