import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Satisfaction surveys. A campaign keeps a copy of its questions (editing a template later does
 * not change what was asked) and one recipient row per customer with a code that matches a
 * returned questionnaire. A response keeps the customer's country, industry, tier, segment and
 * owner as they were when they answered, so results and trends do not drift when classes change.
 * Answers are one row per question (numbers in value_num, text and option ids in value_text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE survey_templates (
      id INTEGER PRIMARY KEY,
      builtin TEXT UNIQUE,
      name_en TEXT NOT NULL,
      name_zh TEXT NOT NULL,
      questions TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
    `CREATE TABLE survey_campaigns (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      template_id INTEGER REFERENCES survey_templates(id) ON DELETE SET NULL,
      template_name_en TEXT NOT NULL,
      template_name_zh TEXT NOT NULL,
      questions TEXT NOT NULL,
      source_label TEXT NOT NULL DEFAULT '',
      source_filter TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
    `CREATE TABLE survey_recipients (
      campaign_id INTEGER NOT NULL REFERENCES survey_campaigns(id) ON DELETE CASCADE,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      code TEXT NOT NULL UNIQUE,
      language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en','zh-CN')),
      state TEXT NOT NULL DEFAULT 'not_sent' CHECK (state IN ('not_sent','sent','answered','declined')),
      sent_at TEXT,
      answered_at TEXT,
      declined_at TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (campaign_id, customer_id)
    ) WITHOUT ROWID`,
    `CREATE INDEX survey_recipients_state ON survey_recipients (campaign_id, state)`,
    `CREATE TABLE survey_responses (
      id INTEGER PRIMARY KEY,
      campaign_id INTEGER NOT NULL REFERENCES survey_campaigns(id) ON DELETE CASCADE,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      answered_at TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('manual','import')),
      nps INTEGER CHECK (nps BETWEEN 0 AND 10),
      csat INTEGER CHECK (csat BETWEEN 1 AND 5),
      detractor INTEGER NOT NULL DEFAULT 0,
      country TEXT NOT NULL DEFAULT '',
      industry TEXT NOT NULL DEFAULT '',
      tier TEXT NOT NULL DEFAULT '',
      segment TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL DEFAULT '',
      complaint_id INTEGER REFERENCES complaints(id) ON DELETE SET NULL,
      follow_up_id INTEGER REFERENCES follow_ups(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      UNIQUE (campaign_id, customer_id)
    )`,
    `CREATE INDEX survey_responses_customer ON survey_responses (customer_id)`,
    `CREATE TABLE survey_answers (
      response_id INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      value_num REAL,
      value_text TEXT,
      PRIMARY KEY (response_id, question_id)
    ) WITHOUT ROWID`,
  ]);
  const now = new Date().toISOString();
  for (const t of READY_MADE) {
    await sql`INSERT INTO survey_templates (builtin, name_en, name_zh, questions, created_at, updated_at) VALUES (${t.builtin}, ${t.name.en}, ${t.name.zh}, ${JSON.stringify(t.questions)}, ${now}, ${now})`.execute(
      db,
    );
  }
}

// The ready-made templates as first shipped (frozen here like the rest of the migration).
const q = (id: string, type: string, en: string, zh: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  text: { en, zh },
  required: false,
  options: [] as { id: string; text: { en: string; zh: string } }[],
  scaleMax: 5,
  ...extra,
});
const o = (id: string, en: string, zh: string) => ({ id, text: { en, zh } });

const READY_MADE = [
  {
    builtin: 'after_delivery',
    name: { en: 'After delivery', zh: '交货后满意度' },
    questions: [
      q('csat', 'csat', 'How satisfied are you with this order overall?', '您对本次订单总体是否满意？', { required: true }),
      q('quality', 'rating', 'How would you rate the product quality?', '您如何评价产品质量？'),
      q('on_time', 'single', 'Did the goods arrive on time?', '货物是否按时到达？', {
        options: [
          o('yes', 'Yes', '是'),
          o('late_ok', 'Late, but acceptable', '有延误，但可以接受'),
          o('late', 'Late, a problem for us', '延误，给我们造成了问题'),
        ],
      }),
      q('issues', 'multi', 'Was there any problem with…', '以下方面是否有问题？', {
        options: [
          o('packaging', 'Packaging', '包装'),
          o('documents', 'Documents', '单据'),
          o('quantity', 'Quantity', '数量'),
          o('quality', 'Quality', '质量'),
          o('none', 'No problems', '没有问题'),
        ],
      }),
      q('comment', 'text', 'Anything we should improve?', '我们有哪些需要改进的地方？'),
    ],
  },
  {
    builtin: 'yearly_relationship',
    name: { en: 'Yearly relationship', zh: '年度合作满意度' },
    questions: [
      q('nps', 'nps', 'How likely are you to recommend us to a business partner? (0–10)', '您向合作伙伴推荐我们的可能性有多大？（0–10）', {
        required: true,
      }),
      q('csat', 'csat', 'How satisfied are you with working with us this year?', '您对今年与我们的合作是否满意？'),
      q('strength', 'single', 'What do you value most in us?', '您最看重我们哪一点？', {
        options: [
          o('price', 'Price', '价格'),
          o('quality', 'Quality', '质量'),
          o('service', 'Service', '服务'),
          o('speed', 'Delivery speed', '交货速度'),
          o('range', 'Product range', '产品种类'),
        ],
      }),
      q('next_year', 'text', 'What products or services do you need next year?', '明年您需要哪些产品或服务？'),
    ],
  },
  {
    builtin: 'after_complaint',
    name: { en: 'After a complaint was resolved', zh: '投诉处理后回访' },
    questions: [
      q('csat', 'csat', 'How satisfied are you with how we handled your complaint?', '您对我们处理投诉的方式是否满意？', {
        required: true,
      }),
      q('resolved', 'single', 'Is the problem fully solved?', '问题是否已彻底解决？', {
        options: [o('yes', 'Yes', '是'), o('partly', 'Partly', '部分解决'), o('no', 'No', '否')],
      }),
      q('speed', 'rating', 'How would you rate the speed of our response?', '您如何评价我们的响应速度？'),
      q('comment', 'text', 'Anything else you want to tell us?', '您还有什么想告诉我们的吗？'),
    ],
  },
];
