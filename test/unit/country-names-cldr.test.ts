import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { BADGE_LANGUAGES, resolveCountry } from '../../src/main/import/normalize/country';

/**
 * Country names as the big fairs' badge files write them, in the CLDR names of Intl.DisplayNames
 * (the same data in Node and Electron): every code × language resolves, except names that are
 * ambiguous in that language (listed, each with why).
 */
const AMBIGUOUS: Record<string, string> = {
  'es:CG': '“Congo” in Spanish names the Republic of the Congo, but also commonly the DR Congo: not guessed',
  'pt:GY': '“Guiana” in Portuguese is Guyana, but also the usual short name of French Guiana: not guessed',
};

describe('country names in the badge languages', () => {
  it.each(['de', 'fr', 'es', 'it', 'pt', 'ru', 'ar', 'ja', 'ko'])('%s: every ISO code’s CLDR name resolves to it', (lang) => {
    expect(BADGE_LANGUAGES).toContain(lang);
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    let checked = 0;
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      const name = names.of(code);
      if (!name || name === code) continue;
      checked++;
      const key = `${lang}:${code}`;
      if (AMBIGUOUS[key]) expect(resolveCountry(name), `${key} ${name}`).not.toBe(code);
      else expect(resolveCountry(name), `${key} ${name}`).toBe(code);
    }
    expect(checked).toBeGreaterThan(240);
  });

  it('known historical names map; ambiguous groupings stay unrecognised', () => {
    expect(
      ['Deutschland', 'Allemagne', 'Alemania', 'Germania', 'Alemanha', 'Германия', 'ドイツ', '독일', 'ألمانيا'].map(resolveCountry),
    ).toEqual(Array(9).fill('DE'));
    expect(['EIRE', 'RSA', 'USA', 'U.K.'].map(resolveCountry)).toEqual(['IE', 'ZA', 'US', 'GB']);
    expect(['Channel Islands', 'European Community', 'Unspecified', 'West Indies'].map(resolveCountry)).toEqual([null, null, null, null]);
  });
});
