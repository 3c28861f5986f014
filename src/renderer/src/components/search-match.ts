/** What typing looks in: an option's label, and other words that find it. */
export interface Searchable {
  /** What the list and the field show, and what typing matches. */
  label: string;
  /** Other words that find the option too (a country's name in the other language, its code). */
  keywords?: string;
}

/** What typing is compared with: full-width forms folded, case ignored ("ＧＥＲ", "Ger" and "ger" alike). */
export const foldForSearch = (s: string) => s.normalize('NFKC').trim().toLocaleLowerCase();

/**
 * How well an option matches what was typed, best first: 0 a word of it is the text ("de" for
 * "Germany (DE)"), 1 its label starts with it, 2 a word starts with it, 3 it is inside; -1 no match.
 */
export function searchRank(option: Searchable, typed: string): number {
  const q = foldForSearch(typed);
  if (!q) return 0;
  const label = foldForSearch(option.label);
  const keywords = foldForSearch(option.keywords ?? '');
  const words = `${label} ${keywords}`.split(/[\s(),/·（）、-]+/).filter(Boolean);
  if (words.includes(q)) return 0;
  if (label.startsWith(q)) return 1;
  if (words.some((w) => w.startsWith(q))) return 2;
  if (label.includes(q) || keywords.includes(q)) return 3;
  return -1;
}
