/**
 * Keys that say "this is the same company" across files and hand entry: case, width,
 * punctuation and legal-form suffixes (Ltd, GmbH, Co., Ltd, 有限公司…) do not count.
 */
const LEGAL_SUFFIXES = [
  'co ltd',
  'company limited',
  'co limited',
  'pvt ltd',
  'pty ltd',
  'sdn bhd',
  'limited',
  'ltd',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'company',
  'co',
  'gmbh',
  'ag',
  'kg',
  'sarl',
  'sas',
  'sa',
  'srl',
  'spa',
  'bv',
  'nv',
  'fze',
  'fzco',
  'fzc',
  'llp',
  'plc',
  'pty',
  'oy',
  'ab',
  'as',
  'aps',
  'sl',
  'jsc',
  'ooo',
  'tic',
  'as',
  'kk',
];
const ZH_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团', '公司'];

const suffixPattern = new RegExp(`(?:\\s(?:${[...new Set(LEGAL_SUFFIXES)].join('|')}))+$`);

export function companyKey(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  for (const zh of ZH_SUFFIXES) if (s.endsWith(zh) && s.length > zh.length) s = s.slice(0, -zh.length);
  s = s
    .replace(/&/g, ' and ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const stripped = (' ' + s).replace(suffixPattern, '').trim();
  return (stripped || s).replace(/\s+/g, ' ');
}

/** `https://www.Example.com/path` → `example.com`; '' when the text is not a web address. */
export function websiteDomain(website: string): string {
  const raw = website.trim().toLowerCase();
  if (!raw) return '';
  const withoutScheme = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const host = withoutScheme.split(/[/?#]/, 1)[0]?.replace(/:\d+$/, '').replace(/^www\d?\./, '') ?? '';
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : '';
}
