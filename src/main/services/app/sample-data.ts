import { BUSINESS_TYPES, LIFECYCLE_STAGES, PRIORITIES, SCALES } from '../../../shared/domain/customer';
import { companyKey } from '../../import/company-key';
import { type JobControl, type ServiceContext } from '../context';
import { NEW_GID } from '../../sync/new-gid';

/**
 * Realistic generated customers for first-run exploration, the bench and the 100k grid test:
 * buyers across 45 countries weighted like a Chinese exporter's book, trade-style company names,
 * one or two contacts each. Seeded, so the same seed gives the same database.
 */

function seedTag(seed: number): string {
  return seed.toString(36).toUpperCase();
}

/** mulberry32: a small seeded PRNG, so generated data is repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const COUNTRIES: [code: string, weight: number, tld: string][] = [
  ['US', 14, 'com'],
  ['GB', 6, 'co.uk'],
  ['DE', 6, 'de'],
  ['FR', 4, 'fr'],
  ['IT', 3, 'it'],
  ['ES', 3, 'es'],
  ['NL', 2, 'nl'],
  ['PL', 2, 'pl'],
  ['RU', 4, 'ru'],
  ['TR', 3, 'com.tr'],
  ['AE', 4, 'ae'],
  ['SA', 3, 'sa'],
  ['IN', 5, 'in'],
  ['PK', 2, 'pk'],
  ['BD', 1, 'com.bd'],
  ['VN', 3, 'vn'],
  ['TH', 2, 'co.th'],
  ['MY', 2, 'my'],
  ['ID', 3, 'co.id'],
  ['PH', 2, 'ph'],
  ['JP', 2, 'jp'],
  ['KR', 2, 'kr'],
  ['AU', 3, 'com.au'],
  ['NZ', 1, 'co.nz'],
  ['CA', 3, 'ca'],
  ['MX', 3, 'mx'],
  ['BR', 4, 'com.br'],
  ['AR', 1, 'ar'],
  ['CL', 2, 'cl'],
  ['CO', 2, 'co'],
  ['PE', 1, 'pe'],
  ['NG', 3, 'ng'],
  ['KE', 2, 'ke'],
  ['GH', 1, 'gh'],
  ['ZA', 2, 'co.za'],
  ['EG', 2, 'eg'],
  ['MA', 1, 'ma'],
  ['DZ', 1, 'dz'],
  ['IL', 1, 'co.il'],
  ['IR', 1, 'ir'],
  ['KZ', 1, 'kz'],
  ['UA', 1, 'ua'],
  ['SE', 1, 'se'],
  ['CH', 1, 'ch'],
  ['PT', 1, 'pt'],
];
export const INDUSTRIES = [
  'Lights & Lighting',
  'Electrical Equipment & Supplies',
  'Home & Garden',
  'Construction & Real Estate',
  'Consumer Electronics',
  'Vehicles & Accessories',
  'Packaging & Printing',
  'Machinery',
  'Renewable Energy',
  'Tools & Hardware',
  'Furniture',
  'Textiles & Apparel',
];
export const PREFIXES = [
  'Atlas',
  'Summit',
  'Metro',
  'Royal',
  'Prime',
  'Star',
  'Union',
  'Delta',
  'Nova',
  'Green',
  'Sun',
  'Eagle',
  'Crown',
  'Bright',
  'Global',
  'Pacific',
  'Orient',
  'Silver',
  'Golden',
  'Blue',
  'Vertex',
  'Apex',
  'Harbor',
  'Northern',
  'Alpha',
  'Pioneer',
  'Sterling',
  'Unity',
  'Falcon',
  'Lotus',
];
export const CORES = [
  'Trading',
  'Imports',
  'Supplies',
  'Distribution',
  'Electric',
  'Lighting',
  'Industries',
  'Solutions',
  'Energy',
  'Group',
  'Commerce',
  'Engineering',
  'Projects',
  'Retail',
  'Wholesale',
];
export const SUFFIX_BY_COUNTRY: Record<string, string[]> = {
  DE: ['GmbH', 'AG', 'GmbH & Co. KG'],
  FR: ['SARL', 'SAS', 'S.A.'],
  IT: ['S.r.l.', 'S.p.A.'],
  ES: ['S.L.', 'S.A.'],
  NL: ['B.V.'],
  PL: ['Sp. z o.o.'],
  RU: ['OOO'],
  TR: ['Ltd. Şti.', 'A.Ş.'],
  AE: ['FZE', 'LLC', 'FZCO'],
  SA: ['Est.', 'Co.'],
  GB: ['Ltd', 'Limited', 'PLC'],
  US: ['Inc.', 'LLC', 'Corp.'],
  CA: ['Inc.', 'Ltd.'],
  AU: ['Pty Ltd'],
  NZ: ['Ltd'],
  BR: ['Ltda.', 'S.A.'],
  MX: ['S.A. de C.V.'],
  JP: ['K.K.', 'Co., Ltd.'],
  KR: ['Co., Ltd.'],
  IN: ['Pvt. Ltd.'],
};
export const FIRST = [
  'John',
  'Maria',
  'Ahmed',
  'Sofia',
  'David',
  'Priya',
  'Ivan',
  'Yuki',
  'Carlos',
  'Aisha',
  'Kwame',
  'Anna',
  'Lukas',
  'Chloe',
  'Nguyen',
  'Tendai',
  'Fatima',
  'Omar',
  'Elena',
  'Mehmet',
  'Sarah',
  'Hiroshi',
  'Olga',
  'Pedro',
];
export const LAST = [
  'Smith',
  'Garcia',
  'Khan',
  'Tanaka',
  'Muller',
  'Patel',
  'Petrov',
  'Kim',
  'Yilmaz',
  'Dubois',
  'Mensah',
  'Kowalska',
  'Okafor',
  'Moyo',
  'Brown',
  'Sharma',
  'Hassan',
  'Silva',
  'Nguyen',
  'Rossi',
  'Novak',
  'Ali',
];
export const OWNERS = ['王芳', '李娜', 'Kevin Chen', '张伟', 'Lucy Liu', '刘洋'];
const SOURCES = ['Alibaba.com', 'Canton Fair 广交会', 'Website', 'Referral', 'Made-in-China', 'LinkedIn', 'Trade fair'];
export const TITLES = ['Purchasing Manager', 'CEO', 'Buyer', 'Project Engineer', 'Sourcing Director', 'Owner'];
const ZH_COMPANY = ['照明', '电气', '贸易', '科技', '能源', '进出口'];

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

export function weightedCountry(rand: () => number): (typeof COUNTRIES)[number] {
  const total = COUNTRIES.reduce((s, c) => s + c[1], 0);
  let r = rand() * total;
  for (const c of COUNTRIES) {
    r -= c[1];
    if (r <= 0) return c;
  }
  return COUNTRIES[0] as (typeof COUNTRIES)[number];
}

const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
const PRODUCTS = [
  'LED Panel Light 600x600',
  'Solar Street Light 100W',
  'LED Strip 5050 RGB',
  'Flood Light 200W IP65',
  'Smart Bulb E27',
  'Sample kit',
];

/**
 * Order histories with the skew of a real book: about a third of customers never order, half of
 * the buyers order once, a few order very often and for much more. Times are spread over three
 * years; rows are written in time order across customers, as years of imports would leave them.
 */
function planOrders(rand: () => number, customers: number, perCustomer: number, nowMs: number) {
  const years = 3 * 365 * 24 * 3600 * 1000;
  const target = Math.round(customers * perCustomer);
  // Heavy-tailed weights (Pareto, alpha ~1.2) decide who gets how many orders.
  const weights = new Float64Array(customers);
  let sum = 0;
  for (let i = 0; i < customers; i++) {
    const buyer = rand() < 0.66;
    const w = buyer ? Math.min(400, 1 / Math.pow(1 - rand() * 0.999, 1 / 1.2)) : 0;
    weights[i] = w;
    sum += w;
  }
  const customer = new Int32Array(target);
  const at = new Float64Array(target);
  let n = 0;
  for (let i = 0; i < customers && n < target; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    const k = Math.max(1, Math.min(target - n, Math.round((w / sum) * target)));
    // Each buyer has a start and a rhythm; some stopped buying a while ago.
    const start = nowMs - rand() * years;
    const span = (nowMs - start) * (rand() < 0.25 ? rand() : 1);
    for (let j = 0; j < k; j++) {
      customer[n] = i;
      at[n] = start + rand() * span;
      n++;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => (at[x] as number) - (at[y] as number));
  return { customer, at, order, weights };
}

export async function generateSampleCustomers(
  ctx: ServiceContext,
  input: {
    count: number;
    seed: number;
    batchSize: number;
    ordersPerCustomer?: number;
    inquiriesPerCustomer?: number;
    followUpsPerCustomer?: number;
  },
  job: JobControl,
): Promise<{ created: number; contacts: number; orders: number; inquiries: number; followUps: number }> {
  const rand = seededRandom(input.seed);
  const nowMs = ctx.now().getTime();
  const threeYears = 3 * 365 * 24 * 3600 * 1000;
  let created = 0;
  let contacts = 0;
  let orders = 0;
  let inquiries = 0;
  let followUps = 0;
  const ids: number[] = [];
  // One transaction, awaiting its checkpoints (progress, cancel) between batches.
  await ctx.db.longTransaction(async (tx) => {
    // Raw statements: a row per statement, hundreds of thousands of them at the bench's scale,
    // where compiling a builder query per row would cost more than the insert.
    const hot = tx.hot('generate customers + orders (setup)');
    const insertCustomer = hot`INSERT INTO customers (company, company_key, country, city, website, website_domain, industry, business_type,
        scale, source, owner, lifecycle_stage, priority, notes, created_at, updated_at, gid)
       VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ${NEW_GID})`;
    const insertContact = hot`INSERT INTO contacts (customer_id, name, title, email, phone, mobile, is_primary, created_at, updated_at, gid)
       VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ${NEW_GID})`;
    const insertTag = hot`INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)`;
    for (let i = 0; i < input.count; i++) {
      const [country, , tld] = weightedCountry(rand);
      const chinese = rand() < 0.03;
      const core = `${pick(rand, PREFIXES)} ${pick(rand, CORES)}`;
      const company = chinese
        ? `${pick(rand, ['深圳', '宁波', '义乌', '香港', '台北'])}${pick(rand, PREFIXES)}${pick(rand, ZH_COMPANY)}有限公司`
        : `${core} ${pick(rand, SUFFIX_BY_COUNTRY[country] ?? ['Ltd', 'Co., Ltd', 'Inc.'])}${i >= 400 ? ` ${i.toString(36).toUpperCase()}` : ''}`;
      const domain = `${core.toLowerCase().replace(/\s+/g, '')}${i.toString(36)}.${tld}`;
      const createdAt = new Date(nowMs - Math.floor(rand() * threeYears)).toISOString();
      const stage = LIFECYCLE_STAGES[Math.min(LIFECYCLE_STAGES.length - 1, Math.floor(rand() * rand() * LIFECYCLE_STAGES.length))];
      const r = insertCustomer.run(
        company,
        companyKey(company),
        country,
        rand() < 0.6 ? `www.${domain}` : '',
        rand() < 0.6 ? domain : '',
        pick(rand, INDUSTRIES),
        pick(rand, BUSINESS_TYPES),
        pick(rand, SCALES),
        pick(rand, SOURCES),
        pick(rand, OWNERS),
        stage,
        rand() < 0.3 ? pick(rand, PRIORITIES) : null,
        createdAt,
        createdAt,
      );
      const customerId = Number(r.lastInsertRowid);
      ids.push(customerId);
      const people = rand() < 0.3 ? 2 : 1;
      for (let p = 0; p < people; p++) {
        const first = pick(rand, FIRST);
        const last = pick(rand, LAST);
        const email = rand() < 0.25 ? `${first}.${last}${Math.floor(rand() * 100)}@gmail.com` : `${first}@${domain}`;
        insertContact.run(
          customerId,
          `${first} ${last}`,
          pick(rand, TITLES),
          email.toLowerCase(),
          `+${1 + Math.floor(rand() * 98)} ${100 + Math.floor(rand() * 899)} ${1000000 + Math.floor(rand() * 8999999)}`,
          p === 0 ? 1 : 0,
          createdAt,
          createdAt,
        );
        contacts++;
      }
      if (rand() < 0.1) insertTag.run(customerId, pick(rand, ['VIP', 'sample sent', '展会', 'OEM', 'distributor']));
      created++;
      if (created % input.batchSize === 0) {
        job.progress(created, input.count, 'customers');
        await job.checkpoint();
      }
    }
    job.progress(created, input.count, 'customers');

    const perCustomer = input.ordersPerCustomer ?? 0;
    if (perCustomer > 0) {
      const plan = planOrders(rand, ids.length, perCustomer, nowMs);
      const insertOrder = hot`INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, product, quantity, status,
         cancelled, created_at, gid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${NEW_GID})`;
      for (const idx of plan.order) {
        const c = plan.customer[idx] as number;
        const when = new Date(plan.at[idx] as number).toISOString();
        const sample = rand() < 0.02;
        const big = 1 + Math.log1p(plan.weights[c] as number);
        const amount = sample ? Math.round(20_00 + rand() * 200_00) : Math.round(Math.exp(7 + rand() * 2.5) * 100 * big);
        const cancelled = rand() < 0.03 ? 1 : 0;
        insertOrder.run(
          `S${seedTag(input.seed)}-${orders + 1}`,
          ids[c] as number,
          when,
          amount,
          CURRENCIES[rand() < 0.8 ? 0 : rand() < 0.75 ? 1 : 2] as string,
          sample ? 'Sample kit' : pick(rand, PRODUCTS),
          Math.round(10 + rand() * 2000),
          cancelled ? 'cancelled' : 'completed',
          cancelled,
          when,
        );
        orders++;
        if (orders % input.batchSize === 0) {
          job.progress(orders, plan.order.length, 'orders');
          await job.checkpoint();
        }
      }
    }

    const perInquiry = input.inquiriesPerCustomer ?? 0;
    if (perInquiry > 0) {
      const insertInquiry = hot`INSERT INTO inquiries (customer_id, received_at, subject, product, quantity, status, source, created_at, gid)
        VALUES (?, ?, ?, ?, ?, ?, 'Alibaba', ?, ${NEW_GID})`;
      const total = Math.round(ids.length * perInquiry);
      for (let i = 0; i < total; i++) {
        const c = ids[Math.floor(Math.pow(rand(), 1.5) * ids.length)] as number;
        const when = new Date(nowMs - rand() * threeYears).toISOString();
        const product = pick(rand, PRODUCTS);
        insertInquiry.run(
          c,
          when,
          `Inquiry about ${product}`,
          product,
          Math.round(10 + rand() * 5000),
          pick(rand, ['replied', 'quoted', 'unread']),
          when,
        );
        inquiries++;
        if (inquiries % input.batchSize === 0) {
          job.progress(inquiries, total, 'inquiries');
          await job.checkpoint();
        }
      }
    }

    const perFollowUp = input.followUpsPerCustomer ?? 0;
    if (perFollowUp > 0) {
      const insertFollowUp = hot`INSERT INTO follow_ups (customer_id, type, due_at, owner, note, status, outcome, done_at, created_at,
         updated_at, gid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${NEW_GID})`;
      const total = Math.round(ids.length * perFollowUp);
      const types = ['call', 'email', 'whatsapp', 'wechat', 'visit', 'quotation', 'sample'] as const;
      for (let i = 0; i < total; i++) {
        const c = ids[Math.floor(rand() * ids.length)] as number;
        // Two thirds in the past (mostly done), a third in the coming month.
        const due = nowMs + (rand() < 0.67 ? -rand() * 365 : rand() * 30) * 86_400_000;
        const done = due < nowMs && rand() < 0.9;
        const when = new Date(due).toISOString();
        insertFollowUp.run(
          c,
          pick(rand, types),
          when,
          pick(rand, OWNERS),
          'Follow up on the last quotation',
          done ? 'done' : 'open',
          done ? 'Spoke with the buyer' : '',
          done ? when : null,
          when,
          when,
        );
        followUps++;
        if (followUps % input.batchSize === 0) {
          job.progress(followUps, total, 'follow-ups');
          await job.checkpoint();
        }
      }
    }
  });
  return { created, contacts, orders, inquiries, followUps };
}
