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
 * Chooses an option as a user would: focus the field, type (`typed` narrows the list), check that the
 * highlighted option is the one meant (`option`, the typed text by default), press Enter.
 */
export async function chooseOption(combobox: Locator, typed: string, option: string | RegExp = typed): Promise<void> {
  await combobox.focus();
  await combobox.pressSequentially(typed);
  const list = await listOf(combobox);
  await expect(list.locator('[role="option"].ant-select-item-option-active')).toContainText(option);
  await combobox.press('Enter');
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
}

/** What a select with search shows as chosen (the chosen option's label). */
export function shownChoice(combobox: Locator): Locator {
  // The input sits inside the element that shows the choice (antd's .ant-select-content).
  return combobox.locator('xpath=..');
}
