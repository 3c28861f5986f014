import { RESERVED_IDS, type QuestionType, type SurveyTemplate, type TemplateInput } from '../../../../shared/domain/surveys';

/** A template being edited: every text as typed, each question and option with a stable React key. */
export interface OptionDraft {
  key: string;
  id: string;
  en: string;
  zh: string;
}

export interface QuestionDraft {
  key: string;
  id: string;
  type: QuestionType;
  en: string;
  zh: string;
  required: boolean;
  options: OptionDraft[];
  scaleMax: number;
}

export interface TemplateDraft {
  nameEn: string;
  nameZh: string;
  questions: QuestionDraft[];
}

/** What is wrong with a field of the draft, by field key ("nameEn", "<question key>.id", "<option key>.zh", "questions"). */
export type DraftProblems = Record<string, DraftProblem>;
export type DraftProblem =
  | 'required'
  | 'slug'
  | 'duplicate'
  | 'reserved'
  | 'tooFewOptions'
  | 'tooManyOptions'
  | 'oneNps'
  | 'oneCsat'
  | 'noQuestions'
  | 'tooManyQuestions'
  | 'invalid';

export const TEXT_MAX = 500;
export const OPTION_MAX = 200;
export const NAME_MAX = 120;
export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 20;

let counter = 0;
export const newKey = (): string => `k${(counter += 1)}`;

export const isChoice = (type: QuestionType) => type === 'single' || type === 'multi';

const SLUG = /^[a-z][a-z0-9_]{0,39}$/;

/** A new option with an id not used in the question yet. */
export function newOption(taken: readonly OptionDraft[]): OptionDraft {
  let n = taken.length + 1;
  while (taken.some((o) => o.id === `o${n}`)) n += 1;
  return { key: newKey(), id: `o${n}`, en: '', zh: '' };
}

/** A new question with an id not used in the template yet. */
export function newQuestion(taken: readonly QuestionDraft[], type: QuestionType = 'text'): QuestionDraft {
  let n = taken.length + 1;
  while (taken.some((q) => q.id === `q${n}`)) n += 1;
  return { key: newKey(), id: `q${n}`, type, en: '', zh: '', required: false, options: [], scaleMax: 5 };
}

/** A question given a new type: choices get two empty options to fill in when they have none. */
export function withType(q: QuestionDraft, type: QuestionType): QuestionDraft {
  const options =
    isChoice(type) && q.options.length === 0 ? [newOption([]), newOption([{ key: '', id: 'o1', en: '', zh: '' }])] : q.options;
  return { ...q, type, options };
}

/** The draft of an existing template (its copy when `copy`, named "… (copy)"), or of a new one. */
export function draftOf(template: SurveyTemplate | null, copy: boolean, copySuffix: { en: string; zh: string }): TemplateDraft {
  if (!template) return { nameEn: '', nameZh: '', questions: [newQuestion([], 'nps')] };
  return {
    nameEn: copy ? `${template.name.en}${copySuffix.en}`.slice(0, NAME_MAX) : template.name.en,
    nameZh: copy ? `${template.name.zh}${copySuffix.zh}`.slice(0, NAME_MAX) : template.name.zh,
    questions: template.questions.map((q) => ({
      key: newKey(),
      id: q.id,
      type: q.type,
      en: q.text.en,
      zh: q.text.zh,
      required: q.required,
      options: q.options.map((o) => ({ key: newKey(), id: o.id, en: o.text.en, zh: o.text.zh })),
      scaleMax: q.scaleMax,
    })),
  };
}

/** The draft as the engine takes it (options only for choices, texts trimmed). */
export function toTemplateInput(d: TemplateDraft): TemplateInput {
  return {
    name: { en: d.nameEn.trim(), zh: d.nameZh.trim() },
    questions: d.questions.map((q) => ({
      id: q.id.trim(),
      type: q.type,
      text: { en: q.en.trim(), zh: q.zh.trim() },
      required: q.required,
      options: isChoice(q.type) ? q.options.map((o) => ({ id: o.id.trim(), text: { en: o.en.trim(), zh: o.zh.trim() } })) : [],
      scaleMax: q.scaleMax,
    })),
  };
}

/** The same rules as the engine's template schema, reported per field so the form can mark each. */
export function checkDraft(d: TemplateDraft): DraftProblems {
  const out: DraftProblems = {};
  if (!d.nameEn.trim()) out.nameEn = 'required';
  if (!d.nameZh.trim()) out.nameZh = 'required';
  if (d.questions.length === 0) out.questions = 'noQuestions';
  if (d.questions.length > MAX_QUESTIONS) out.questions = 'tooManyQuestions';
  if (d.questions.filter((q) => q.type === 'nps').length > 1) out.questions = 'oneNps';
  else if (d.questions.filter((q) => q.type === 'csat').length > 1) out.questions = 'oneCsat';
  const ids = new Set<string>();
  for (const q of d.questions) {
    const id = q.id.trim();
    if (!id) out[`${q.key}.id`] = 'required';
    else if (!SLUG.test(id)) out[`${q.key}.id`] = 'slug';
    else if ((RESERVED_IDS as readonly string[]).includes(id)) out[`${q.key}.id`] = 'reserved';
    else if (ids.has(id)) out[`${q.key}.id`] = 'duplicate';
    ids.add(id);
    if (!q.en.trim()) out[`${q.key}.en`] = 'required';
    if (!q.zh.trim()) out[`${q.key}.zh`] = 'required';
    if (!isChoice(q.type)) continue;
    if (q.options.length < 2) out[`${q.key}.options`] = 'tooFewOptions';
    if (q.options.length > MAX_OPTIONS) out[`${q.key}.options`] = 'tooManyOptions';
    const optionIds = new Set<string>();
    for (const o of q.options) {
      const oid = o.id.trim();
      if (!oid) out[`${o.key}.id`] = 'required';
      else if (!SLUG.test(oid)) out[`${o.key}.id`] = 'slug';
      else if (optionIds.has(oid)) out[`${o.key}.id`] = 'duplicate';
      optionIds.add(oid);
      if (!o.en.trim()) out[`${o.key}.en`] = 'required';
      if (!o.zh.trim()) out[`${o.key}.zh`] = 'required';
    }
  }
  return out;
}

/**
 * An engine-reported problem path ("template.questions.2.options.0.text.zh") as the draft's field
 * key, so a problem the form missed still lands next to its field.
 */
export function draftKeyOfPath(d: TemplateDraft, path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'template') parts.shift();
  if (parts[0] === 'name') return parts[1] === 'zh' ? 'nameZh' : 'nameEn';
  if (parts[0] !== 'questions') return 'questions';
  const q = d.questions[Number(parts[1])];
  if (!q) return 'questions';
  if (parts[2] === 'text') return `${q.key}.${parts[3] === 'zh' ? 'zh' : 'en'}`;
  if (parts[2] === 'id') return `${q.key}.id`;
  if (parts[2] === 'options') {
    const o = parts[3] !== undefined ? q.options[Number(parts[3])] : undefined;
    if (!o) return `${q.key}.options`;
    return parts[4] === 'id' ? `${o.key}.id` : `${o.key}.${parts[5] === 'zh' ? 'zh' : 'en'}`;
  }
  return `${q.key}.id`;
}
