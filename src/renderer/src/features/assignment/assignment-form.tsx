import { Button, Checkbox, Radio, Switch } from 'antd';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentSettings } from '../../../../shared/domain/assignment';
import type { AssignmentArea } from '../../../../shared/ipc/channels/assignment';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { formKeyHandler } from '../../components/form-keys';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { call } from '../../lib/ipc';
import '../../styles/assignment.css';
import { MultiSelectField } from './multi-select-field';
import { RuleItem } from './rule-item';
import {
  draftOf,
  draftProblems,
  emptyRule,
  moved,
  sameDraft,
  settingsOfDraft,
  type AssignmentDraft,
  type DraftProblem,
  type RuleDraft,
} from './rules-draft';

interface Props {
  settings: AssignmentSettings;
  canEdit: boolean;
  areas: readonly AssignmentArea[];
  staff: readonly string[];
  onDirtyChange: (dirty: boolean) => void;
  onDiscard: () => void;
  onSaved: (settings: AssignmentSettings) => void;
}

/** Which button of which rule takes the focus after the list changed (a move, a removal, an addition). */
type FocusAfter = { id: string; button: 'up' | 'down' | 'kind' } | { id: 'add' } | null;

/** The element that takes the focus after the list changed: the rule's same move button (the other one at an end), its first field, or "Add a rule". */
function focusTarget(root: HTMLElement, after: NonNullable<FocusAfter>): HTMLElement | null {
  if (!('button' in after)) return root.querySelector<HTMLElement>('.assignment-add');
  const item = root.querySelector<HTMLElement>(`[data-rule-id="${after.id}"]`);
  if (!item) return null;
  if (after.button === 'kind') return item.querySelector<HTMLElement>('.assignment-kind input');
  const buttons = [...item.querySelectorAll<HTMLButtonElement>('.assignment-rule-actions button')];
  const wanted = after.button === 'down' ? buttons[1] : buttons[0];
  return wanted && !wanted.disabled ? wanted : (buttons.find((b) => !b.disabled) ?? null);
}

/** The lead assignment rules: on/off, same buyer first, the ordered rules, the fallback; Save sends assignment.saveRules. */
export function AssignmentForm({ settings, canEdit, areas, staff, onDirtyChange, onDiscard, onSaved }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const enabledId = useId();
  const sameBuyerHintId = useId();
  const initial = useMemo(() => draftOf(settings), [settings]);
  const [draft, setDraft] = useState<AssignmentDraft>(initial);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [summary, setSummary] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [focusAfter, setFocusAfter] = useState<FocusAfter>(null);
  const [status, setStatus] = useState('');
  useFocusFirstInvalid(form, attempt);

  const dirty = !sameDraft(draft, initial);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  useEffect(() => {
    if (!focusAfter || !form.current) return;
    focusTarget(form.current, focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter, draft]);

  const problem = (id: string, field: 'values' | 'people') => problems.some((p) => p.id === id && p.field === field);
  const clearProblem = (id: string, field: 'values' | 'people') =>
    setProblems((ps) => ps.filter((p) => !(p.id === id && p.field === field)));

  const setRule = (index: number, rule: RuleDraft) => {
    const before = draft.rules[index];
    setDraft((d) => ({ ...d, rules: d.rules.map((r, i) => (i === index ? rule : r)) }));
    if (before && rule.values.length && !before.values.length) clearProblem(rule.id, 'values');
    if (before && rule.people.length && !before.people.length) clearProblem(rule.id, 'people');
  };
  const move = (from: number, to: number) => {
    const rule = draft.rules[from];
    if (!rule || to < 0 || to >= draft.rules.length) return;
    setDraft((d) => ({ ...d, rules: moved(d.rules, from, to) }));
    setFocusAfter({ id: rule.id, button: to < from ? 'up' : 'down' });
    setStatus(t('assignment.moved', { n: to + 1 }));
  };
  const remove = (index: number) => {
    const next = draft.rules[index + 1] ?? draft.rules[index - 1];
    setDraft((d) => ({ ...d, rules: d.rules.filter((_, i) => i !== index) }));
    setFocusAfter(next ? { id: next.id, button: 'kind' } : { id: 'add' });
    setStatus(t('assignment.removed'));
  };
  const add = () => {
    const rule = emptyRule();
    setDraft((d) => ({ ...d, rules: [...d.rules, rule] }));
    setFocusAfter({ id: rule.id, button: 'kind' });
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || !canEdit) return;
    const bad = draftProblems(draft);
    if (bad.length) {
      setProblems(bad);
      setSummary(t('assignment.notSaved'));
      setAttempt((n) => n + 1);
      return;
    }
    setSummary('');
    if (!dirty) {
      notices.announce(t('assignment.noChanges'));
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const saved = await call('assignment.saveRules', settingsOfDraft(draft));
      setProblems([]);
      onSaved(saved.settings);
    } catch (err) {
      notices.showError(err);
    } finally {
      setSaving(false);
    }
  };

  const locked = !canEdit || saving;
  return (
    <form
      ref={form}
      className="form assignment-form"
      noValidate
      aria-label={t('assignment.formLabel')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onDiscard)}
    >
      <div className="field assignment-switch">
        <label className="assignment-switch-label">
          <Switch
            size="small"
            checked={draft.enabled}
            onChange={(on) => setDraft((d) => ({ ...d, enabled: on }))}
            disabled={locked}
            aria-describedby={enabledId}
          />
          <span>{t('assignment.enabled')}</span>
        </label>
        <p id={enabledId} className="field-hint">
          {t('assignment.enabledHint')}
        </p>
      </div>
      <div className="field assignment-same-buyer">
        <Checkbox
          checked={draft.sameBuyer}
          onChange={(e) => setDraft((d) => ({ ...d, sameBuyer: e.target.checked }))}
          disabled={locked}
          aria-describedby={sameBuyerHintId}
        >
          {t('assignment.sameBuyer')}
        </Checkbox>
        <p id={sameBuyerHintId} className="field-hint">
          {t('assignment.sameBuyerHint')}
        </p>
      </div>
      <fieldset className="form-section">
        <legend>{t('assignment.rulesLegend')}</legend>
        {draft.rules.length === 0 ? <p className="muted">{t('assignment.noRules')}</p> : null}
        <ol className="assignment-rules">
          {draft.rules.map((rule, i) => (
            <RuleItem
              key={rule.id}
              rule={rule}
              index={i}
              count={draft.rules.length}
              areas={areas}
              staff={staff}
              disabled={locked}
              errors={{ values: problem(rule.id, 'values'), people: problem(rule.id, 'people') }}
              onChange={(r) => setRule(i, r)}
              onMove={(to) => move(i, to)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
        <Button className="assignment-add" onClick={add} disabled={locked || draft.rules.length >= 50}>
          {t('assignment.add')}
        </Button>
        <span className="visually-hidden" role="status">
          {status}
        </span>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('assignment.fallbackLegend')}</legend>
        <Radio.Group
          value={draft.fallback}
          onChange={(e) => setDraft((d) => ({ ...d, fallback: e.target.value as 'pool' | 'people' }))}
          disabled={locked}
          className="assignment-fallback"
        >
          <Radio value="pool">{t('assignment.fallbackPool')}</Radio>
          <Radio value="people">{t('assignment.fallbackPeople')}</Radio>
        </Radio.Group>
        {draft.fallback === 'people' ? (
          <MultiSelectField
            label={t('assignment.fallbackPeopleLabel')}
            hint={t('assignment.peopleHint')}
            values={draft.fallbackPeople}
            options={[...staff, ...draft.fallbackPeople.filter((p) => !staff.includes(p))].map((p) => ({ value: p, label: p }))}
            onValuesChange={(people) => {
              setDraft((d) => ({ ...d, fallbackPeople: people }));
              if (people.length) clearProblem('fallback', 'people');
            }}
            error={problem('fallback', 'people') ? t('assignment.needPeople') : undefined}
            notFound={t('assignment.noStaff')}
            disabled={locked}
          />
        ) : null}
      </fieldset>
      <p role="alert" className="inline-error form-summary">
        {summary}
      </p>
      <FormActions
        className="settings-actions"
        dirty={dirty}
        saving={saving}
        busy={!canEdit}
        cancelLabel={t('settings.discard')}
        saveLabel={t('assignment.save')}
        onCancel={onDiscard}
      />
    </form>
  );
}
