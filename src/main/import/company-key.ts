/**
 * Keys that say "this may be the same company" across files and hand entry: case, width,
 * punctuation and legal-form suffixes (Ltd, GmbH, Co., Ltd, 有限公司…) do not count.
 * The legal form is kept apart twice: as a family (ltd, gmbh…) and as its text (`coltd`, `ptyltd`,
 * `ltd`). Names alike but for the text of their legal form ("Crown Distribution Ltd" and "Crown
 * Distribution Pty Ltd") are only possibly one company: the import and quick capture ask.
 */
const LEGAL_FORMS: [suffix: string, family: string][] = [
  ['co ltd', 'ltd'],
  ['company limited', 'ltd'],
  ['co limited', 'ltd'],
  ['pvt ltd', 'ltd'],
  ['pty ltd', 'ltd'],
  ['limited', 'ltd'],
  ['ltd', 'ltd'],
  ['pty', 'ltd'],
  ['plc', 'plc'],
  ['sdn bhd', 'sdn bhd'],
  ['llc', 'llc'],
  ['llp', 'llp'],
  ['inc', 'inc'],
  ['incorporated', 'inc'],
  ['corp', 'inc'],
  ['corporation', 'inc'],
  ['company', ''],
  ['co', ''],
  ['gmbh and co kg', 'gmbh'],
  ['gmbh', 'gmbh'],
  ['ag', 'ag'],
  ['kg', 'kg'],
  ['sarl', 'sarl'],
  ['sas', 'sas'],
  ['s a de c v', 'sa de cv'],
  ['sa de cv', 'sa de cv'],
  ['sa', 'sa'],
  ['s a', 'sa'],
  ['srl', 'srl'],
  ['s r l', 'srl'],
  ['spa', 'spa'],
  ['s p a', 'spa'],
  ['bv', 'bv'],
  ['b v', 'bv'],
  ['nv', 'nv'],
  ['fze', 'fze'],
  ['fzco', 'fzco'],
  ['fzc', 'fzc'],
  ['est', 'est'],
  ['ltda', 'ltda'],
  ['oy', 'oy'],
  ['ab', 'ab'],
  ['as', 'as'],
  ['a s', 'as'],
  ['aps', 'aps'],
  ['sl', 'sl'],
  ['s l', 'sl'],
  ['sp z o o', 'sp z oo'],
  ['jsc', 'jsc'],
  ['ooo', 'ooo'],
  ['l l c', 'llc'],
  ['ltd sti', 'ltd sti'],
  ['tic', ''],
  ['kk', 'kk'],
  ['k k', 'kk'],
];
const ZH_SUFFIXES: [suffix: string, family: string][] = [
  ['股份有限公司', 'zh-joint-stock'],
  ['有限责任公司', 'zh-ltd'],
  ['有限公司', 'zh-ltd'],
  ['集团', ''],
  ['公司', ''],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest suffix first, so "co ltd" wins over "ltd". */
const SUFFIXES = [...LEGAL_FORMS].sort((a, b) => b[0].length - a[0].length);
const suffixPattern = new RegExp(`\\s(${SUFFIXES.map(([s]) => escape(s)).join('|')})$`);

function simplify(name: string): { base: string; zhFamily: string; zhSuffix: string } {
  let s = name.normalize('NFKC').toLowerCase().trim();
  let zhFamily = '';
  let zhSuffix = '';
  for (const [zh, family] of ZH_SUFFIXES) {
    if (s.endsWith(zh) && s.length > zh.length) {
      s = s.slice(0, -zh.length);
      zhFamily = family;
      zhSuffix = zh;
      break;
    }
  }
  s = s
    .replace(/&/g, ' and ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { base: s, zhFamily, zhSuffix };
}

export interface CompanyIdentity {
  /** The name without case, punctuation or legal form: what names are compared by. */
  key: string;
  /** The legal-form family of the outermost suffix (ltd, gmbh…), '' when none. */
  family: string;
  /** The legal form as written, compacted (`coltd`, `ptyltd`, `有限公司`), '' when none. */
  form: string;
}

/** Strips trailing legal forms; returns what is left, the family of the outermost one and their text. */
function split(name: string): CompanyIdentity {
  const { base, zhFamily, zhSuffix } = simplify(name);
  let s = ' ' + base;
  let family = zhFamily;
  const removed: string[] = [];
  for (;;) {
    const m = suffixPattern.exec(s);
    if (!m || m.index === 0) break;
    const found = SUFFIXES.find(([suffix]) => suffix === m[1]);
    if (!family && found?.[1]) family = found[1];
    removed.unshift(m[1] ?? '');
    s = s.slice(0, m.index);
  }
  const key = s.trim();
  if (!key) return { key: base, family: zhFamily, form: zhSuffix };
  return { key, family, form: (removed.join('') + zhSuffix).replace(/\s+/g, '') };
}

/** Key, legal-form family and legal-form text at once (one pass over the name). */
export function companyIdentity(name: string): CompanyIdentity {
  return split(name);
}

export function companyKey(name: string): string {
  return split(name).key;
}

/** `https://www.Example.com/path` → `example.com`; '' when the text is not a web address. */
export function websiteDomain(website: string): string {
  const raw = website.trim().toLowerCase();
  if (!raw) return '';
  const withoutScheme = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const host =
    withoutScheme
      .split(/[/?#]/, 1)[0]
      ?.replace(/:\d+$/, '')
      .replace(/^www\d?\./, '') ?? '';
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : '';
}
