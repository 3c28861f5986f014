import type { ReactNode } from 'react';

/**
 * `text` with every occurrence of `term` (case ignored) marked. Text whose lower-case form has
 * another length (a few special letters) is shown unmarked rather than marked in the wrong place.
 */
export function Highlight({ text, term }: { text: string; term: string }): ReactNode {
  const needle = term.trim().toLowerCase();
  const hay = text.toLowerCase();
  if (!needle || hay.length !== text.length) return text;
  const parts: ReactNode[] = [];
  let from = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, from)) {
    if (i > from) parts.push(text.slice(from, i));
    parts.push(<mark key={i}>{text.slice(i, i + needle.length)}</mark>);
    from = i + needle.length;
  }
  if (parts.length === 0) return text;
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}
