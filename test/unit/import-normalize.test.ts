import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/shared/text/country-names';
import { countryKey, resolveCountry } from '../../src/main/import/normalize/country';
import { detectDateOrder, parseDateCell, parseDateColumn } from '../../src/main/import/normalize/dates';
import { currencyExponent, isCurrencyCode, normaliseCurrency, parseAmount } from '../../src/main/import/normalize/money';
import { parseImportance } from '../../src/main/import/normalize/priority';
import {
  cleanText,
  emailDomain,
  isFreeMailDomain,
  isHiddenOrMasked,
  normaliseEmail,
  normalisePhone,
  parseQuantity,
  toHalfWidth,
} from '../../src/main/import/normalize/text';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const haveFixtures = existsSync(join(FIXTURES, 'alibaba-orders-zh.csv'));

type Value = string | number | Date | null;
interface Table {
  headers: string[];
  rows: Value[][];
}

function readCsv(name: string): Table {
  const bytes = readFileSync(join(FIXTURES, name));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [headers = [], ...rows] = parsed.data;
  // Broken rows (fewer fields than the header) are another module's business.
  return { headers, rows: rows.filter((r) => r.length === headers.length) };
}

function readXlsx(name: string): Table {
  const wb = XLSX.read(readFileSync(join(FIXTURES, name)), { cellDates: true });
  const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
  if (!sheet) throw new Error(`no sheet in ${name}`);
  const [headers = [], ...rows] = XLSX.utils.sheet_to_json<Value[]>(sheet, { header: 1, raw: true, defval: null });
  return { headers: headers.map(String), rows };
}

function column(table: Table, header: string): Value[] {
  const i = table.headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in [${table.headers.join(', ')}]`);
  return table.rows.map((r) => r[i] ?? null);
}

const texts = (values: Value[]): string[] => values.map((v) => (v === null ? '' : String(v)));

interface FixtureFile {
  name: string;
  read: () => Table;
  country: string;
  dates: string[];
  email?: string;
  mobile?: string;
}

const FILES: FixtureFile[] = [
  {
    name: 'alibaba-inquiries-zh.xlsx',
    read: () => readXlsx('alibaba-inquiries-zh.xlsx'),
    country: '国家/地区',
    dates: ['创建时间', '最新回复时间', '注册日期'],
    email: '邮箱',
    mobile: '手机号码',
  },
  {
    name: 'alibaba-inquiries-en.csv',
    read: () => readCsv('alibaba-inquiries-en.csv'),
    country: 'Country/Region',
    dates: ['Created Time', 'Last Reply Time', 'Registration Date'],
    email: 'Email',
    mobile: 'Mobile',
  },
  {
    name: 'alibaba-inquiries-zh-gbk.csv',
    read: () => readCsv('alibaba-inquiries-zh-gbk.csv'),
    country: '国家/地区',
    dates: ['创建时间', '最新回复时间', '注册日期'],
    email: '邮箱',
    mobile: '手机号码',
  },
  {
    name: 'alibaba-customers-zh.xlsx',
    read: () => readXlsx('alibaba-customers-zh.xlsx'),
    country: '国家/地区',
    dates: ['最近跟进时间', '建档时间'],
    email: '邮箱',
  },
  {
    name: 'alibaba-orders-zh.csv',
    read: () => readCsv('alibaba-orders-zh.csv'),
    country: '国家/地区',
    dates: ['下单时间'],
    email: '买家邮箱',
  },
  {
    name: 'trade-fair-leads.csv',
    read: () => readCsv('trade-fair-leads.csv'),
    country: 'country',
    dates: [],
    email: 'email',
    mobile: 'mobilePhone',
  },
  {
    name: 'online-retail-sample.csv',
    read: () => readCsv('online-retail-sample.csv'),
    country: 'Country',
    dates: ['InvoiceDate'],
  },
];

describe('country names in the Chinese UI (#18: not peers of 中国)', () => {
  it('names Taiwan, Hong Kong and Macao as parts of China in Chinese, and reads those names (and the usual variants) back', () => {
    expect(['TW', 'HK', 'MO', 'CN', 'ZA'].map((c) => countryName(c, 'zh-CN'))).toEqual([
      '中国台湾',
      '中国香港',
      '中国澳门',
      '中国',
      '南非',
    ]);
    expect(countryName('TW', 'en')).toBe('Taiwan');
    for (const [text, code] of [
      ['中国台湾', 'TW'],
      ['中国香港', 'HK'],
      ['中国澳门', 'MO'],
      ['中國臺灣', 'TW'],
      ['Taiwan, China', 'TW'],
      ['Taiwan (China)', 'TW'],
      ['台湾', 'TW'],
    ] as const) {
      expect(resolveCountry(text), text).toBe(code);
    }
  });
});

describe('resolveCountry', () => {
  it('reads codes in any case, alpha-3, names and aliases', () => {
    const cases: [string, string][] = [
      ['tr', 'TR'],
      ['Tr', 'TR'],
      [' de ', 'DE'],
      ['DEU', 'DE'],
      ['gbr', 'GB'],
      ['United Kingdom', 'GB'],
      ['France', 'FR'],
      ['Germany', 'DE'],
      ['The Netherlands', 'NL'],
      ['Netherlands, The', 'NL'],
      ['Korea, Republic of', 'KR'],
      ["Côte d'Ivoire", 'CI'],
      ['Cote d’Ivoire', 'CI'],
      ['St. Lucia', 'LC'],
      ['UK', 'GB'],
      ['U.K.', 'GB'],
      ['Great Britain', 'GB'],
      ['England', 'GB'],
      ['EIRE', 'IE'],
      ['USA', 'US'],
      ['U.S.A.', 'US'],
      ['United States of America', 'US'],
      ['America', 'US'],
      ['UAE', 'AE'],
      ['Holland', 'NL'],
      ['South Korea', 'KR'],
      ['Korea', 'KR'],
      ['Russia', 'RU'],
      ['Vietnam', 'VN'],
      ['Viet Nam', 'VN'],
      ['Turkey', 'TR'],
      ['Türkiye', 'TR'],
      ['Czech Republic', 'CZ'],
      ['Ivory Coast', 'CI'],
      ['波兰', 'PL'],
      ['哥伦比亚', 'CO'],
      ['俄罗斯', 'RU'],
      ['阿拉伯联合酋长国', 'AE'],
      ['英国', 'GB'],
      ['美国', 'US'],
      ['阿联酋', 'AE'],
      ['韩国', 'KR'],
      ['南韩', 'KR'],
      ['朝鲜', 'KP'],
      ['越南', 'VN'],
      ['土耳其', 'TR'],
      ['荷兰', 'NL'],
      ['沙特', 'SA'],
      ['沙特阿拉伯', 'SA'],
      ['台湾', 'TW'],
      ['香港', 'HK'],
      ['中国香港', 'HK'],
      ['澳门', 'MO'],
      ['新西兰', 'NZ'],
      ['印度尼西亚', 'ID'],
      ['印尼', 'ID'],
      ['英國', 'GB'],
      ['阿拉伯聯合大公國', 'AE'],
      ['台灣', 'TW'],
      ['刚果（金）', 'CD'],
      ['ＵＳＡ', 'US'],
      ['  united   kingdom ', 'GB'],
      ['UNITED STATES', 'US'],
    ];
    for (const [text, code] of cases) expect(resolveCountry(text), text).toBe(code);
  });

  it("gives '' for empty input and null for unknown or ambiguous text", () => {
    expect(resolveCountry('')).toBe('');
    expect(resolveCountry('   ')).toBe('');
    for (const text of ['XX', 'Narnia', 'Congo', '12', 'Europe', '火星']) expect(resolveCountry(text), text).toBeNull();
  });

  it('keys ignore width, case, dots, punctuation and "the"', () => {
    expect(countryKey('The  U.S.A.')).toBe(countryKey('usa'));
    expect(countryKey('ＵＳＡ')).toBe('usa');
  });
});

describe('dates', () => {
  const utc = { timeZone: 'utc' } as const;

  it('parses every style of the fixtures (utc)', () => {
    const cases: [string, 'ymd' | 'dmy' | 'mdy', string][] = [
      ['2025-3-18', 'ymd', '2025-03-18T00:00:00.000Z'],
      ['2025/03/18 08:05', 'ymd', '2025-03-18T08:05:00.000Z'],
      ['2025-08-04 10:33:21', 'ymd', '2025-08-04T10:33:21.000Z'],
      ['2026/05/12 05:03', 'ymd', '2026-05-12T05:03:00.000Z'],
      ['12/1/10 8:26', 'mdy', '2010-12-01T08:26:00.000Z'],
      ['2021-07-20T09:00:00.000Z', 'ymd', '2021-07-20T09:00:00.000Z'],
      ['2025-03-18T08:05:00+08:00', 'ymd', '2025-03-18T00:05:00.000Z'],
      ['2025-03-18T08:05:00-0530', 'ymd', '2025-03-18T13:35:00.000Z'],
      ['2025-03-18', 'dmy', '2025-03-18T00:00:00.000Z'],
      ['2025年3月18日', 'ymd', '2025-03-18T00:00:00.000Z'],
      ['2025年3月18日 08:05', 'dmy', '2025-03-18T08:05:00.000Z'],
      ['2025年3月18日 8时5分', 'ymd', '2025-03-18T08:05:00.000Z'],
      ['18/3/2025', 'dmy', '2025-03-18T00:00:00.000Z'],
      ['3/18/2025 8:05 PM', 'mdy', '2025-03-18T20:05:00.000Z'],
      ['18.03.2025 23:59:59', 'dmy', '2025-03-18T23:59:59.000Z'],
      ['18 Mar 2025', 'mdy', '2025-03-18T00:00:00.000Z'],
      ['Mar 18, 2025', 'dmy', '2025-03-18T00:00:00.000Z'],
      ['２０２５－３－１８', 'ymd', '2025-03-18T00:00:00.000Z'],
      ['1/1/69', 'mdy', '1969-01-01T00:00:00.000Z'],
      ['1/1/68', 'mdy', '2068-01-01T00:00:00.000Z'],
    ];
    for (const [text, order, iso] of cases) expect(parseDateCell(text, order, utc), text).toBe(iso);
  });

  it('reads Excel serials (1900 system, fraction = time) and Date objects', () => {
    expect(parseDateCell(45734, 'dmy', utc)).toBe('2025-03-18T00:00:00.000Z');
    expect(parseDateCell(45734.35, 'dmy', utc)).toBe('2025-03-18T08:24:00.000Z');
    expect(parseDateCell('45734.5', 'dmy', utc)).toBe('2025-03-18T12:00:00.000Z');
    expect(parseDateCell(1, 'dmy', utc)).toBe('1900-01-01T00:00:00.000Z');
    expect(parseDateCell(59, 'dmy', utc)).toBe('1900-02-28T00:00:00.000Z');
    expect(parseDateCell(60, 'dmy', utc)).toBeNull(); // Excel's phantom 1900-02-29
    expect(parseDateCell(61, 'dmy', utc)).toBe('1900-03-01T00:00:00.000Z');
    expect(parseDateCell(2958465, 'dmy', utc)).toBe('9999-12-31T00:00:00.000Z');
    expect(parseDateCell(2958466, 'dmy', utc)).toBeNull();
    expect(parseDateCell(0, 'dmy', utc)).toBeNull();
    expect(parseDateCell(Number.NaN, 'dmy', utc)).toBeNull();
    // SheetJS 0.20 Dates: the sheet's wall-clock in the UTC fields, sometimes a millisecond off.
    const wall = new Date(Date.UTC(2025, 2, 18, 8, 5, 0));
    expect(parseDateCell(wall, 'dmy', utc)).toBe('2025-03-18T08:05:00.000Z');
    expect(parseDateCell(wall, 'dmy')).toBe(new Date(2025, 2, 18, 8, 5).toISOString());
    expect(parseDateCell(new Date('2025-03-18T08:23:59.999Z'), 'dmy', utc)).toBe('2025-03-18T08:24:00.000Z');
    expect(parseDateCell(new Date('2025-03-18T08:24:00.001Z'), 'dmy', utc)).toBe('2025-03-18T08:24:00.000Z');
    expect(parseDateCell(new Date('2025-03-18T08:24:00.250Z'), 'dmy', utc)).toBe('2025-03-18T08:24:00.250Z');
    expect(parseDateCell(new Date(Number.NaN), 'dmy')).toBeNull();
  });

  it('reads naive times in the local zone by default', () => {
    expect(parseDateCell('2025/03/18 08:05', 'ymd')).toBe(new Date(2025, 2, 18, 8, 5).toISOString());
    expect(parseDateCell('2025-3-18', 'ymd', { timeZone: 'local' })).toBe(new Date(2025, 2, 18).toISOString());
    expect(parseDateCell('2025-03-18T08:05:00Z', 'ymd')).toBe('2025-03-18T08:05:00.000Z');
    const local = new Date(2025, 2, 18, 8, 24);
    expect(parseDateCell(45734.35, 'dmy')).toBe(local.toISOString());
  });

  it('gives undefined for empty cells and null for impossible or junk ones', () => {
    for (const empty of ['', '   ', null, undefined]) expect(parseDateCell(empty, 'ymd')).toBeUndefined();
    for (const bad of [
      '2025-02-30',
      '2025-13-01',
      '2024-02-30',
      '2023-02-29',
      '31/4/2025',
      '2025-01-01 24:00',
      '2025-01-01 10:60',
      'soon',
      '2025',
      '13/13/2025',
      '2025-1-1 8',
    ])
      expect(parseDateCell(bad, 'dmy', utc), bad).toBeNull();
    expect(parseDateCell('2024-02-29', 'ymd', utc)).toBe('2024-02-29T00:00:00.000Z');
  });

  it('detects the order per column', () => {
    expect(detectDateOrder(['2025-3-18', '2025/03/18 08:05'])).toBe('ymd');
    expect(detectDateOrder(['12/1/10 8:26', '12/1/10 9:41'])).toBe('mdy');
    expect(detectDateOrder(['01/02/2025', '13/02/2025'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2025', '02/13/2025'])).toBe('mdy');
    expect(detectDateOrder(['01/02/2025', '03/04/2025'])).toBe('dmy');
    expect(detectDateOrder(['', 'junk'])).toBe('ymd');
    const column = parseDateColumn(['3/4/2025', '25/4/2025', ''], { timeZone: 'utc' });
    expect(column.order).toBe('dmy');
    expect(column.parsed).toEqual(['2025-04-03T00:00:00.000Z', '2025-04-25T00:00:00.000Z', undefined]);
  });
});

describe('money', () => {
  it('knows ISO 4217 exponents and codes', () => {
    for (const c of ['JPY', 'KRW', 'VND', 'CLP', 'ISK']) expect(currencyExponent(c), c).toBe(0);
    for (const c of ['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'IQD']) expect(currencyExponent(c), c).toBe(3);
    for (const c of ['USD', 'EUR', 'GBP', 'CNY', 'HUF', 'IDR', 'usd']) expect(currencyExponent(c), c).toBe(2);
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('cny')).toBe(true);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(isCurrencyCode('US')).toBe(false);
  });

  it('normalises currency spellings', () => {
    const cases: [string, string | null][] = [
      ['usd', 'USD'],
      ['US$', 'USD'],
      ['$', 'USD'],
      ['美元', 'USD'],
      ['¥', 'CNY'],
      ['￥', 'CNY'],
      ['RMB', 'CNY'],
      ['CNY', 'CNY'],
      ['人民币', 'CNY'],
      ['€', 'EUR'],
      ['EUR', 'EUR'],
      ['欧元', 'EUR'],
      ['£', 'GBP'],
      ['GBP', 'GBP'],
      ['英镑', 'GBP'],
      [' jpy ', 'JPY'],
      ['HK$', 'HKD'],
      ['', null],
      ['dollarz', null],
      ['XYZ', null],
    ];
    for (const [text, code] of cases) expect(normaliseCurrency(text), text).toBe(code);
  });

  it('parses amounts exactly into minor units', () => {
    const cases: [string | number, string, number | null][] = [
      ['33170.00', 'USD', 3317000],
      ['66.34', 'USD', 6634],
      ['1,234.50', 'USD', 123450],
      ['1 234,50', 'EUR', 123450],
      ['1.234,50', 'EUR', 123450],
      ["1'234.50", 'CHF', 123450],
      ['１，２３４．５０', 'USD', 123450],
      ['$1,234.50', 'USD', 123450],
      ['US$ 1,234.50', 'USD', 123450],
      ['1,234.50 USD', 'USD', 123450],
      ['€ 12,50', 'EUR', 1250],
      ['¥1,000', 'CNY', 100000],
      ['人民币 100', 'CNY', 10000],
      ['(1,234.50)', 'USD', -123450],
      ['-12', 'USD', -1200],
      ['−12.5', 'USD', -1250],
      ['-$12', 'USD', -1200],
      ['$-12', 'USD', -1200],
      ['1,234', 'USD', 123400],
      ['1.234', 'USD', 123],
      ['12,5', 'EUR', 1250],
      ['0,123', 'EUR', 12],
      ['.5', 'USD', 50],
      ['0.005', 'USD', 1],
      ['-0.005', 'USD', -1],
      ['0.004', 'USD', 0],
      ['1,23,456.78', 'INR', 12345678],
      ['1000', 'JPY', 1000],
      ['1,000.5', 'JPY', 1001],
      ['1.2345', 'KWD', 1235],
      [0.1 + 0.2, 'USD', 30],
      [33170, 'USD', 3317000],
      [1.005, 'USD', 101],
      [-2.5, 'JPY', -3],
      ['junk', 'USD', null],
      ['', 'USD', null],
      ['12 pcs', 'USD', null],
      ['€12', 'USD', null],
      ['1,2,3', 'USD', null],
      ['1.234.5', 'USD', null],
      ['12-', 'USD', -1200],
      ['--12', 'USD', null],
      ['1 2', 'USD', null],
      [Number.NaN, 'USD', null],
    ];
    for (const [value, currency, minor] of cases) expect(parseAmount(value, currency), `${value} ${currency}`).toBe(minor);
  });
});

describe('text', () => {
  it('folds full width', () => {
    expect(toHalfWidth('＋８６ １３８')).toBe('+86 138');
    expect(toHalfWidth('ＡＢＣ　ｘｙｚ！')).toBe('ABC xyz!');
    expect(toHalfWidth('中文，保持')).toBe('中文,保持');
  });

  it('recognises hidden and masked values', () => {
    for (const v of [
      '客户隐藏',
      '隐藏',
      'hidden',
      'Hidden',
      '***',
      'j***n@gmail.com',
      '+86 138****1234',
      'N/A',
      '-',
      '--',
      '无',
      '138xxxx1234',
    ])
      expect(isHiddenOrMasked(v), v).toBe(true);
    for (const v of ['', 'john@acme.com', '00136-46-1999376', '+86 138 0000 1234', 'Kevin Chen', 'NA'])
      expect(isHiddenOrMasked(v), v).toBe(false);
  });

  it('normalises phones as typed', () => {
    expect(normalisePhone('＋８６  １３８ ０００')).toBe('+86 138 000');
    expect(normalisePhone(' 00136-46-1999376 ')).toBe('00136-46-1999376');
    expect(normalisePhone('客户隐藏')).toBe('');
    expect(normalisePhone('+86 138****1234')).toBe('');
    expect(normalisePhone('')).toBe('');
  });

  it('normalises e-mails', () => {
    const cases: [string, string][] = [
      ['LUKAS@BRIGHTDISTRIBUTIONSARL.CO', 'lukas@brightdistributionsarl.co'],
      [' mailto:John@X.com ', 'john@x.com'],
      ['a@b.com; c@d.com', 'a@b.com'],
      ['a@b.com, c@d.com', 'a@b.com'],
      ['John Smith <j.smith@acme.de>', 'j.smith@acme.de'],
      ['ｊｏｈｎ＠ａｃｍｅ．ｃｏｍ', 'john@acme.com'],
      ['j***n@gmail.com', ''],
      ['客户隐藏', ''],
      ['', ''],
      ['not an email', ''],
      ['a@b', ''],
      ['a..b@c.com', ''],
      ['j***n@gmail.com; real@acme.com', 'real@acme.com'],
    ];
    for (const [text, email] of cases) expect(normaliseEmail(text), text).toBe(email);
    expect(emailDomain('Ivan@SummitTradingSarl.PL')).toBe('summittradingsarl.pl');
    expect(emailDomain('客户隐藏')).toBe('');
  });

  it('knows free mail domains', () => {
    for (const d of [
      'gmail.com',
      'googlemail.com',
      'yahoo.com',
      'yahoo.co.uk',
      'hotmail.fr',
      'outlook.de',
      'live.com',
      'msn.com',
      'aol.com',
      'icloud.com',
      'me.com',
      'mail.ru',
      'yandex.ru',
      'gmx.de',
      'web.de',
      'qq.com',
      '163.com',
      '126.com',
      'sina.com',
      'sohu.com',
      'foxmail.com',
      'aliyun.com',
      'proton.me',
      'protonmail.com',
      'zoho.com',
      'GMAIL.COM',
    ])
      expect(isFreeMailDomain(d), d).toBe(true);
    for (const d of ['acme.com', 'summittradingsarl.pl', 'gmail.acme.com', '', 'outlookindia.com'])
      expect(isFreeMailDomain(d), d).toBe(false);
  });

  it('parses quantities', () => {
    const cases: [string, number | null][] = [
      ['100', 100],
      ['1,000', 1000],
      ['2000 pcs', 2000],
      ['5 000', 5000],
      ['１０００件', 1000],
      ['-1', -1],
      ['12.5', 12.5],
      ['500 Piece/s', 500],
      ['12/1/10 9:41', null],
      ['1-2', null],
      ['abc', null],
      ['', null],
      ['1,00', null],
    ];
    for (const [text, n] of cases) expect(parseQuantity(text), text).toBe(n);
  });

  it('cleans text', () => {
    expect(cleanText('  a  b \n\n\n c  ', 100)).toBe('a b c');
    expect(cleanText('  line 1  \r\n\r\n\r\n  line\t2 ', 100, { multiline: true })).toBe('line 1\n\nline 2');
    expect(cleanText('abcdef', 3)).toBe('abc');
    expect(cleanText('😀😀😀', 2)).toBe('😀😀');
    expect(cleanText(null, 10)).toBe('');
    expect(cleanText(42, 10)).toBe('42');
    expect(cleanText('a\u0000b', 10)).toBe('ab');
  });
});

describe('parseImportance', () => {
  it('reads stars, words and lead ratings', () => {
    const cases: [string, string | null][] = [
      ['★★★', 'high'],
      ['☆☆☆', 'high'],
      ['★★', 'medium'],
      ['☆☆', 'medium'],
      ['★', 'low'],
      ['☆', null],
      ['★★☆', 'medium'],
      ['', null],
      ['高', 'high'],
      ['中', 'medium'],
      ['低', 'low'],
      ['High', 'high'],
      ['MEDIUM', 'medium'],
      ['low', 'low'],
      ['hot', 'high'],
      ['Warm', 'medium'],
      ['cold', 'low'],
      ['3星', 'high'],
      ['0', null],
      ['whatever', null],
    ];
    for (const [text, level] of cases) expect(parseImportance(text), text).toBe(level);
  });
});

describe.skipIf(!haveFixtures)('the sample import files', () => {
  const tables = new Map(FILES.map((f) => [f.name, f.read()]));
  const table = (name: string): Table => {
    const t = tables.get(name);
    if (!t) throw new Error(name);
    return t;
  };

  it('resolves every distinct country value of every file', () => {
    for (const file of FILES) {
      const values = new Set(texts(column(table(file.name), file.country)));
      expect(values.size, file.name).toBeGreaterThan(0);
      for (const value of values) {
        const code = resolveCountry(value);
        expect(code, `${file.name}: ${value}`).not.toBeNull();
        expect(code, `${file.name}: ${value}`).toMatch(/^[A-Z]{2}$/);
      }
    }
    expect(resolveCountry('United Kingdom')).toBe('GB');
    expect(resolveCountry('波兰')).toBe('PL');
  });

  it('agrees between files naming countries by code and by Chinese name', () => {
    const byEmail = new Map<string, string>();
    for (const name of ['alibaba-inquiries-zh.xlsx', 'alibaba-inquiries-en.csv', 'alibaba-inquiries-zh-gbk.csv', 'trade-fair-leads.csv']) {
      const file = FILES.find((f) => f.name === name);
      if (!file?.email) throw new Error(name);
      const t = table(name);
      const emails = texts(column(t, file.email));
      const countries = texts(column(t, file.country));
      emails.forEach((e, i) => {
        const email = normaliseEmail(e);
        if (email) byEmail.set(email, resolveCountry(countries[i] ?? '') ?? '');
      });
    }
    let compared = 0;
    for (const [name, emailHeader] of [
      ['alibaba-orders-zh.csv', '买家邮箱'],
      ['alibaba-customers-zh.xlsx', '邮箱'],
    ] as const) {
      const t = table(name);
      const emails = texts(column(t, emailHeader));
      const countries = texts(column(t, '国家/地区'));
      emails.forEach((e, i) => {
        const code = byEmail.get(normaliseEmail(e));
        if (code === undefined) return;
        compared++;
        expect(resolveCountry(countries[i] ?? ''), `${name}: ${e} ${countries[i]}`).toBe(code);
      });
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('parses every date of every date column with the column order', () => {
    for (const file of FILES) {
      for (const header of file.dates) {
        const values = column(table(file.name), header);
        const { order, parsed } = parseDateColumn(values, { timeZone: 'utc' });
        expect(order, `${file.name} ${header}`).toBe(file.name === 'online-retail-sample.csv' ? 'mdy' : 'ymd');
        values.forEach((v, i) => {
          const blank = v === null || (typeof v === 'string' && v.trim() === '');
          if (blank) expect(parsed[i], `${file.name} ${header}: ${String(v)}`).toBeUndefined();
          else expect(parsed[i], `${file.name} ${header}: ${String(v)}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        });
      }
    }
  });

  it('keeps the reply after the inquiry in the mixed-style English export', () => {
    const t = table('alibaba-inquiries-en.csv');
    const created = parseDateColumn(column(t, 'Created Time'), { timeZone: 'utc' }).parsed;
    const replied = parseDateColumn(column(t, 'Last Reply Time'), { timeZone: 'utc' }).parsed;
    let checked = 0;
    created.forEach((c, i) => {
      const r = replied[i];
      if (!c || !r) return;
      checked++;
      expect(r >= c, `row ${i + 2}: ${c} → ${r}`).toBe(true);
    });
    expect(checked).toBeGreaterThan(50);
    expect(created[0]).toBe('2025-03-18T00:00:00.000Z');
  });

  it('reads the UCI invoice dates as month/day/2-digit year', () => {
    const t = table('online-retail-sample.csv');
    const { parsed } = parseDateColumn(column(t, 'InvoiceDate'), { timeZone: 'utc' });
    expect(parsed[0]).toBe('2010-12-01T08:26:00.000Z');
  });

  it('has every order amount equal to quantity × unit price, in minor units', () => {
    const t = table('alibaba-orders-zh.csv');
    const qty = texts(column(t, '数量'));
    const price = texts(column(t, '单价'));
    const currency = texts(column(t, '币种'));
    const amount = texts(column(t, '订单金额'));
    expect(t.rows.length).toBe(504);
    t.rows.forEach((_, i) => {
      const code = normaliseCurrency(currency[i] ?? '');
      expect(code).toMatch(/^(USD|EUR|GBP)$/);
      const q = parseQuantity(qty[i] ?? '');
      const p = parseAmount(price[i] ?? '', code ?? '');
      const a = parseAmount(amount[i] ?? '', code ?? '');
      expect(q).not.toBeNull();
      expect(p).not.toBeNull();
      expect(a, `row ${i + 2}`).toBe((q ?? 0) * (p ?? 0));
    });
    expect(parseAmount('33170.00', 'USD')).toBe(3317000);
  });

  it('never keeps a hidden or masked contact, and keeps every real one', () => {
    let masked = 0;
    for (const file of FILES) {
      if (file.email) {
        for (const v of texts(column(table(file.name), file.email))) {
          const email = normaliseEmail(v);
          if (isHiddenOrMasked(v)) {
            masked++;
            expect(email, `${file.name}: ${v}`).toBe('');
          } else {
            expect(email, `${file.name}: ${v}`).toBe(v.trim().toLowerCase());
            expect(isFreeMailDomain(emailDomain(email)), email).toBe(emailDomain(email) === 'gmail.com');
          }
        }
      }
      if (file.mobile) {
        for (const v of texts(column(table(file.name), file.mobile))) {
          const phone = normalisePhone(v);
          expect(phone, `${file.name}: ${v}`).toBe(isHiddenOrMasked(v) ? '' : v.trim());
        }
      }
    }
    expect(masked).toBeGreaterThan(10);
  });

  it('reads importance marks, lead ratings and quantities', () => {
    const marks = texts(column(table('alibaba-customers-zh.xlsx'), '重要程度'));
    const expected: Record<string, string | null> = { '☆': null, '★': 'low', '★★': 'medium', '★★★': 'high' };
    for (const m of marks) expect(parseImportance(m), m).toBe(expected[m]);
    for (const r of texts(column(table('trade-fair-leads.csv'), 'rating'))) expect(parseImportance(r), r).not.toBeNull();
    for (const [name, header] of [
      ['alibaba-inquiries-en.csv', 'Quantity'],
      ['alibaba-inquiries-zh-gbk.csv', '采购数量'],
      ['online-retail-sample.csv', 'Quantity'],
    ] as const)
      for (const q of texts(column(table(name), header))) expect(Number.isInteger(parseQuantity(q)), `${name}: ${q}`).toBe(true);
  });
});
