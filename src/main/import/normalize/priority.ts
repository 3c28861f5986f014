/**
 * Importance / priority cells → 'high' | 'medium' | 'low' | null.
 *
 * Star marks: filled stars (★) are counted; hollow stars (☆) are placeholders when filled ones
 * are present (`★★☆` → 2). A lone `☆` is the zero mark of a ☆–★★★ scale (Alibaba's customer
 * list) → null; a text of hollow stars only (`☆☆☆`) counts them. 3+ → high, 2 → medium, 1 → low.
 * Words: 高/中/低 (重要/一般…), high/medium/low, h/m/l, 1–3 (stars), and the lead rating hot/warm/cold.
 */
export type Importance = 'high' | 'medium' | 'low';

const WORDS: Record<string, Importance> = {
  high: 'high',
  h: 'high',
  hot: 'high',
  urgent: 'high',
  important: 'high',
  medium: 'medium',
  mid: 'medium',
  middle: 'medium',
  normal: 'medium',
  m: 'medium',
  warm: 'medium',
  low: 'low',
  l: 'low',
  cold: 'low',
  高: 'high',
  高级: 'high',
  重要: 'high',
  非常重要: 'high',
  很重要: 'high',
  紧急: 'high',
  热: 'high',
  中: 'medium',
  中等: 'medium',
  中级: 'medium',
  一般: 'medium',
  普通: 'medium',
  温: 'medium',
  低: 'low',
  低级: 'low',
  不重要: 'low',
  冷: 'low',
};

function fromCount(n: number): Importance | null {
  if (n >= 3) return 'high';
  if (n === 2) return 'medium';
  if (n === 1) return 'low';
  return null;
}

export function parseImportance(text: string): Importance | null {
  const s = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  if (/^[★☆✩✪⭐*\s]+$/u.test(s)) {
    const filled = (s.match(/[★✪⭐*]/gu) ?? []).length;
    const hollow = (s.match(/[☆✩]/gu) ?? []).length;
    if (filled > 0) return fromCount(filled);
    return hollow > 1 ? fromCount(hollow) : null;
  }
  const stars = /^([0-5])\s*(?:星|颗星|stars?)?$/u.exec(s);
  if (stars) return fromCount(Number(stars[1]));
  const word = s.replace(/\s*(?:priority|importance|优先级?|重要性|级)$/u, '').replace(/^(?:priority|优先级)[:：]?\s*/u, '');
  return WORDS[s] ?? WORDS[word] ?? null;
}
