/**
 * The questionnaire a campaign sends out: one self-contained HTML file per customer (or one
 * printable file for many), in the customer's language. Filled in a browser, it saves the
 * answers as a small CSV that the campaign imports; printed, it is filled by hand and typed in.
 * No scripts, fonts or images are loaded from anywhere.
 */
import { escapeHtml } from '../../../shared/text/escape-html';
import { localized, scaleOf, type Question, type SurveyLanguage } from '../../../shared/domain/surveys';
import { mainText } from '../../text/catalog';

export interface QuestionnaireRecipient {
  code: string;
  company: string;
  language: SurveyLanguage;
}

function questionHtml(q: Question, index: number, lang: SurveyLanguage, formId: string): string {
  const t = mainText(lang).questionnaire;
  const name = `${formId}-${q.id}`;
  const legend = `<legend><span class="num">${index + 1}.</span> ${escapeHtml(localized(q.text, lang))}${q.required ? ` <abbr class="req" title="${t.required}">*</abbr>` : ''}</legend>`;
  const radio = (value: string, label: string) =>
    `<label class="choice"><input type="radio" name="${name}" value="${escapeHtml(value)}"${q.required ? ' required' : ''}> <span>${escapeHtml(label)}</span></label>`;
  let body: string;
  const scale = scaleOf(q);
  if (q.type === 'nps' && scale) {
    const cells: string[] = [];
    for (let n = scale.min; n <= scale.max; n += 1) cells.push(radio(String(n), String(n)));
    body = `<div class="scale nps">${cells.join('')}</div><div class="ends"><span>0 = ${t.notLikely}</span><span>10 = ${t.veryLikely}</span></div>`;
  } else if (q.type === 'csat') {
    body = `<div class="scale">${t.csat.map((label, i) => radio(String(i + 1), `${i + 1} · ${label}`)).join('')}</div>`;
  } else if (scale) {
    const cells: string[] = [];
    for (let n = scale.min; n <= scale.max; n += 1) cells.push(radio(String(n), String(n)));
    body = `<div class="scale">${cells.join('')}</div><div class="ends"><span>${scale.min}</span><span>${scale.max}</span></div>`;
  } else if (q.type === 'single') {
    body = `<div class="options">${q.options.map((o) => radio(o.id, localized(o.text, lang))).join('')}</div>`;
  } else if (q.type === 'multi') {
    body = `<p class="hint">${t.multiHint}</p><div class="options">${q.options
      .map(
        (o) =>
          `<label class="choice"><input type="checkbox" name="${name}" value="${escapeHtml(o.id)}"> <span>${escapeHtml(localized(o.text, lang))}</span></label>`,
      )
      .join('')}</div>`;
  } else {
    body = `<textarea name="${name}" rows="4"${q.required ? ' required' : ''}></textarea>`;
  }
  return `<fieldset class="question" data-question="${q.id}" data-type="${q.type}">${legend}${body}</fieldset>`;
}

function formHtml(title: string, questions: readonly Question[], r: QuestionnaireRecipient, index: number): string {
  const t = mainText(r.language).questionnaire;
  const formId = `q${index}`;
  return `<section class="sheet" lang="${r.language === 'zh-CN' ? 'zh-CN' : 'en'}">
<header><h1>${escapeHtml(title)}</h1>
<p class="meta"><span>${t.for}: <strong>${escapeHtml(r.company)}</strong></span> <span>${t.code}: <strong class="code">${escapeHtml(r.code)}</strong></span></p>
<p>${t.intro}</p></header>
<form id="${formId}" data-code="${escapeHtml(r.code)}" data-missing="${escapeHtml(t.missing)}" data-saved="${escapeHtml(t.saved)}" novalidate>
${questions.map((q, i) => questionHtml(q, i, r.language, formId)).join('\n')}
<p class="howto">${t.howTo}</p>
<p class="actions"><button type="submit">${t.save}</button> <output role="status"></output></p>
</form></section>`;
}

/**
 * Saves the answers as `responses-<code>.csv`: a header of `code` and the question ids, one row
 * of answers (several choices joined with ";"), UTF-8 with a BOM so Excel opens it right.
 */
const SCRIPT = `
document.querySelectorAll('form[data-code]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var status = form.querySelector('output');
    var missing = false;
    var header = ['code'];
    var row = [form.getAttribute('data-code')];
    form.querySelectorAll('fieldset[data-question]').forEach(function (fs) {
      var id = fs.getAttribute('data-question');
      var value = '';
      var text = fs.querySelector('textarea');
      if (text) value = text.value.trim();
      else value = Array.prototype.map.call(fs.querySelectorAll('input:checked'), function (i) { return i.value; }).join(';');
      if (value === '' && fs.querySelector('[required]')) missing = true;
      header.push(id);
      row.push(value);
    });
    if (missing) { status.textContent = form.getAttribute('data-missing'); return; }
    var cell = function (v) { return /[",\\r\\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    var csv = '\\ufeff' + header.map(cell).join(',') + '\\r\\n' + row.map(cell).join(',') + '\\r\\n';
    var file = 'responses-' + form.getAttribute('data-code') + '.csv';
    var link = document.createElement('a');
    link.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv);
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
    status.textContent = form.getAttribute('data-saved').replace('{file}', file);
  });
});`;

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f5f7;color:#1b1f24;line-height:1.5}
.sheet{max-width:760px;margin:24px auto;background:#fff;padding:28px 32px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.5rem;margin:0 0 .5rem}.meta{display:flex;gap:2rem;flex-wrap:wrap;color:#444}.code{font-family:ui-monospace,Menlo,Consolas,monospace}
fieldset{border:1px solid #d5d9de;border-radius:6px;margin:16px 0;padding:12px 16px}legend{font-weight:600;padding:0 4px}.req{color:#b3261e;text-decoration:none}
.scale,.options{display:flex;flex-wrap:wrap;gap:6px 14px;margin-top:6px}.options{flex-direction:column}.choice{display:inline-flex;align-items:center;gap:4px}
.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#666}.hint{margin:0;font-size:.85rem;color:#666}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:6px}button{font:inherit;padding:8px 18px;border-radius:6px;border:1px solid #1f5fbf;background:#1f5fbf;color:#fff;cursor:pointer}
.howto{font-size:.9rem;color:#555}output{margin-left:8px}
@media print{body{background:#fff}.sheet{box-shadow:none;margin:0;max-width:none;page-break-after:always}.actions,.howto{display:none}}`;

/** One HTML document holding the questionnaire of each recipient (one per page when printed). */
export function questionnaireHtml(
  title: { en: string; zh: string },
  questions: readonly Question[],
  recipients: readonly QuestionnaireRecipient[],
): string {
  const first = recipients[0];
  const lang = first?.language === 'zh-CN' ? 'zh-CN' : 'en';
  const heading = (r: QuestionnaireRecipient) => (r.language === 'zh-CN' ? title.zh : title.en);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(first ? `${heading(first)} · ${first.code}` : title.en)}</title>
<style>${STYLE}</style></head><body>
${recipients.map((r, i) => formHtml(heading(r), questions, r, i)).join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}
