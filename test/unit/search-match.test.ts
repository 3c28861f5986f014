import { describe, expect, it } from 'vitest';
import { searchRank } from '../../src/renderer/src/components/search-match';

const germany = { label: 'Germany (DE) (12)', keywords: 'Germany 德国 DE' };
const germanyZh = { label: '德国 (DE)（12）', keywords: 'Germany 德国 DE' };
const denmark = { label: 'Denmark (DK) (3)', keywords: 'Denmark 丹麦 DK' };
const bangladesh = { label: 'Bangladesh (BD) (1)', keywords: 'Bangladesh 孟加拉国 BD' };

describe('searchRank (what typing finds in a select with search)', () => {
  it('finds by the shown label, case ignored, in English and in Chinese', () => {
    expect(searchRank(germany, 'germ')).toBeGreaterThanOrEqual(0);
    expect(searchRank(germany, 'GERM')).toBeGreaterThanOrEqual(0);
    expect(searchRank(germanyZh, '德')).toBeGreaterThanOrEqual(0);
    expect(searchRank(denmark, 'germ')).toBe(-1);
  });

  it('finds by the other words too: the name in the other language, the code', () => {
    expect(searchRank(germany, '德国')).toBeGreaterThanOrEqual(0);
    expect(searchRank(germanyZh, 'germany')).toBeGreaterThanOrEqual(0);
    expect(searchRank(germanyZh, 'de')).toBe(0);
  });

  it('puts a whole word first, then a label that starts with the text, then a word, then anything containing it', () => {
    const ranks = [germany, denmark, bangladesh].map((o) => searchRank(o, 'de'));
    // "DE" is Germany's code; Denmark starts with it; Bangladesh only holds it.
    expect(ranks).toEqual([0, 1, 3]);
    expect(searchRank({ label: 'Hong Kong' }, 'kon')).toBe(2);
  });

  it('folds full-width letters and ignores surrounding spaces; empty text matches everything', () => {
    expect(searchRank(germany, ' ＧＥＲＭ ')).toBeGreaterThanOrEqual(0);
    expect(searchRank(denmark, '')).toBe(0);
  });
});
