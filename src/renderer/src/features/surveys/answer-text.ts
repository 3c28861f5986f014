import type { Question, SurveyResponse } from '../../../../shared/domain/surveys';
import { inUiLanguage } from './survey-labels';

export interface AnswerLine {
  questionId: string;
  question: string;
  answer: string;
  type: Question['type'];
}

/** A response's answers as readable lines in the UI language (option texts, "4 / 5" for ratings), in question order. */
export function answerLines(
  questions: readonly Question[] | undefined,
  response: SurveyResponse,
  lang: string,
  skip: readonly Question['type'][] = [],
): AnswerLine[] {
  const out: AnswerLine[] = [];
  const known = new Set<string>();
  for (const q of questions ?? []) {
    known.add(q.id);
    const v = response.answers[q.id];
    if (v === undefined || skip.includes(q.type)) continue;
    const optionText = (id: string) => {
      const o = q.options.find((x) => x.id === id);
      return o ? inUiLanguage(o.text, lang) : id;
    };
    const answer = Array.isArray(v)
      ? v.map(optionText).join(', ')
      : q.type === 'single'
        ? optionText(String(v))
        : q.type === 'rating'
          ? `${v} / ${q.scaleMax}`
          : String(v);
    out.push({ questionId: q.id, question: inUiLanguage(q.text, lang), answer, type: q.type });
  }
  // Answers to questions the campaign no longer names (should not happen): shown by id.
  for (const [id, v] of Object.entries(response.answers)) {
    if (!known.has(id)) out.push({ questionId: id, question: id, answer: Array.isArray(v) ? v.join(', ') : String(v), type: 'text' });
  }
  return out;
}
