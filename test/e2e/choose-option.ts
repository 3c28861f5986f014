import { expect, type Locator } from '@playwright/test';

/** The open list of a select with search or a field with suggestions (antd Select / AutoComplete): its options have role option. */
export async function listOf(combobox: Locator): Promise<Locator> {
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  const id = await combobox.getAttribute('aria-controls');
  expect(id).toBeTruthy();
  return combobox.page().locator(`[id="${id}"]`);
}

/** Opens the list by a click, as a user would to look through it, and gives it back. */
export async function openList(combobox: Locator): Promise<Locator> {
  await combobox.click();
  return listOf(combobox);
}

/**
 * Chooses an option as a user would: focus the field, then in a list found by typing (a select with
 * search) type (`typed` narrows the list), or in a short list open it with ↓ and move with ↓ until
 * the option is highlighted; check that the highlighted option is the one meant (`option`, the typed
 * text by default), press Enter.
 */
export async function chooseOption(combobox: Locator, typed: string, option: string | RegExp = typed): Promise<void> {
  await combobox.focus();
  const searchable = await combobox.evaluate((el) => el.closest('.ant-select')?.classList.contains('ant-select-show-search') ?? false);
  const active = async () => (await listOf(combobox)).locator('[role="option"].ant-select-item-option-active');
  if (searchable) {
    await combobox.pressSequentially(typed);
  } else {
    await combobox.press('ArrowDown');
    const list = await listOf(combobox);
    const count = await list.locator('[role="option"]').count();
    const meant = (text: string) => (typeof option === 'string' ? text.includes(option) : option.test(text));
    for (let i = 0; i < count && !meant((await (await active()).textContent()) ?? ''); i++) await combobox.press('ArrowDown');
  }
  await expect(await active()).toContainText(option);
  // Found by its id: a choice may rename the field (the language switch's label changes language).
  const id = await combobox.getAttribute('id');
  await combobox.press('Enter');
  await expect(id ? combobox.page().locator(`[id="${id}"]`) : combobox).toHaveAttribute('aria-expanded', 'false');
}

/** What a select with search shows as chosen (the chosen option's label). */
export function shownChoice(combobox: Locator): Locator {
  // The input sits inside the element that shows the choice (antd's .ant-select-content).
  return combobox.locator('xpath=..');
}
