/** Types of browser.mjs: the Chromium that tests and the bench drive. */
export function findChromium(env?: Record<string, string | undefined>): string | null;
export function requireChromium(env?: Record<string, string | undefined>): string;
export function ensureChromium(): string;
export const CHROMIUM_ARGS: string[];
