import { SHELL_ID } from '../app/shell-id';

/**
 * Open modal dialogs, bottom to top. Everything beneath the top one (the shell and lower dialogs)
 * is made inert and hidden from assistive technology, so focus and reading stay in the top dialog.
 */
const stack: HTMLElement[] = [];

function setBlocked(el: HTMLElement | null, blocked: boolean): void {
  if (!el) return;
  el.inert = blocked;
  if (blocked) el.setAttribute('aria-hidden', 'true');
  else el.removeAttribute('aria-hidden');
}

function refresh(): void {
  setBlocked(document.getElementById(SHELL_ID), stack.length > 0);
  stack.forEach((el, i) => setBlocked(el, i < stack.length - 1));
}

export function pushModal(el: HTMLElement): void {
  if (!stack.includes(el)) stack.push(el);
  refresh();
}

export function popModal(el: HTMLElement): void {
  const i = stack.indexOf(el);
  if (i >= 0) stack.splice(i, 1);
  refresh();
}
