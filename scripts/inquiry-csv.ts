/**
 * A generated Alibaba-style inquiry export (English headers, UTF-8 with BOM), as big as asked:
 * `rows` inquiries from `companies` buyers, a few big ones sending many, most sending one or two.
 * Seeded: the same arguments give the same file. Used by the bench.
 */
import {
  CORES,
  FIRST,
  INDUSTRIES,
  LAST,
  OWNERS,
  PREFIXES,
  SUFFIX_BY_COUNTRY,
  pick,
  seededRandom,
  weightedCountry,
} from '../src/main/services/app/sample-data';

const HEADERS = [
  'Inquiry ID',
  'Subject',
  'Inquiry Type',
  'Source',
  'Created Time',
  'Salesperson',
  'Product ID',
  'Product Name',
  'Quantity',
  'Unit',
  'Buyer Name',
  'Company',
  'Country/Region',
  'Email',
  'Mobile',
  'Website',
  'Buyer Level',
  'Preferred Industries',
  'Status',
  'Message',
];
const PRODUCTS = [
  'LED Panel Light 600x600 40W',
  'LED Strip 5050 RGB 12V',
  'Solar Street Light 100W All In One',
  'LED High Bay Light 150W UFO',
  'Outdoor LED Flood Light 200W IP65',
];
const STATUSES = ['Replied', 'Unread', 'Quoted', 'Spam'];

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function inquiryCsv(rows: number, companies: number, seed = 7): string {
  const rand = seededRandom(seed);
  const buyers = Array.from({ length: companies }, (_, i) => {
    const [country, , tld] = weightedCountry(rand);
    const core = `${pick(rand, PREFIXES)} ${pick(rand, CORES)}`;
    const company = `${core} ${pick(rand, SUFFIX_BY_COUNTRY[country] ?? ['Ltd', 'Co., Ltd'])} ${i.toString(36).toUpperCase()}`;
    const domain = `${core.toLowerCase().replace(/\s+/g, '')}${i.toString(36)}.${tld}`;
    const people = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
      const first = pick(rand, FIRST);
      return { name: `${first} ${pick(rand, LAST)}`, email: `${first.toLowerCase()}${Math.floor(rand() * 1000)}@${domain}` };
    });
    return { company, country, domain, people, industry: pick(rand, INDUSTRIES) };
  });
  const out: string[] = ['\ufeff' + HEADERS.join(',')];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    // Skewed: a fifth of the buyers send most inquiries.
    const b = buyers[Math.floor(rand() < 0.6 ? rand() * companies * 0.2 : rand() * companies)]!;
    const p = b.people[Math.floor(rand() * b.people.length)]!;
    const product = pick(rand, PRODUCTS);
    const qty = [100, 200, 500, 1000, 2000][Math.floor(rand() * 5)]!;
    const when = new Date(start + Math.floor(rand() * 700 * 86_400_000)).toISOString().slice(0, 19).replace('T', ' ');
    out.push(
      [
        String(60000000000000 + i),
        `Need quotation for ${qty} pcs ${product}`,
        'Inquiry',
        'Alibaba.com',
        when,
        pick(rand, OWNERS),
        String(1600500000000 + Math.floor(rand() * 5)),
        product,
        String(qty),
        'Piece/s',
        p.name,
        b.company,
        b.country,
        p.email,
        `+${10 + Math.floor(rand() * 89)} ${100000000 + Math.floor(rand() * 899999999)}`,
        `www.${b.domain}`,
        `L${Math.floor(rand() * 5)}`,
        b.industry,
        pick(rand, STATUSES),
        `Hello, we are interested in your ${product}. Please send price for ${qty} units, delivery to ${b.country}.`,
      ]
        .map(quote)
        .join(','),
    );
  }
  return out.join('\r\n') + '\r\n';
}
