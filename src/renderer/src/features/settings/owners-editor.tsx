import { Button } from 'antd';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field';
import { OWNER_NAME_MAX, type OwnerRow } from './general-form-values';
import { HandOverButton } from './handover-button';

/** Each name's "Hand over" button: opens the hand-over dialog for that person (blocked for a salesperson in a team). */
export interface RowHandOver {
  blocked: boolean;
  /** The note that says why it is blocked. */
  noteId?: string;
  onOpen: (name: string) => void;
}

interface Props {
  rows: OwnerRow[];
  /** Problems by row index. */
  errors: Record<number, string>;
  addError?: string;
  /** The list changed (renamed, moved, removed); `touched` is the row whose error no longer applies. */
  onRowsChange: (rows: OwnerRow[], touched?: number) => void;
  /** Adds a name; returns the problem when it is refused (a duplicate, empty, too long). */
  onAdd: (name: string) => string | undefined;
  onAddErrorClear: () => void;
  handOver?: RowHandOver;
}

/**
 * The sales staff: a list of names edited in place (Alt+↑/↓ moves a name), a Hand over and a Remove
 * button per name, and a field that adds a name with Enter. Refused names are marked with the reason.
 */
export function OwnersEditor({ rows, errors, addError, onRowsChange, onAdd, onAddErrorClear, handOver }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [adding, setAdding] = useState('');

  const focusRow = (key: number | undefined) =>
    window.setTimeout(() => {
      const target =
        key === undefined
          ? addRef.current?.querySelector('input')
          : list.current?.querySelector<HTMLInputElement>(`input[data-owner-key="${key}"]`);
      target?.focus();
    }, 0);

  const rename = (index: number, name: string) =>
    onRowsChange(
      rows.map((r, i) => (i === index ? { ...r, name } : r)),
      index,
    );

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(to, 0, row);
    onRowsChange(next);
    focusRow(row.key);
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onRowsChange(next);
    focusRow((next[index] ?? next[index - 1])?.key);
  };

  const add = () => {
    const problem = onAdd(adding);
    if (!problem) setAdding('');
  };

  const onRowKeyDown = (index: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || !e.altKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(index, e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const onAddKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      add();
    }
  };

  return (
    <div className="owners-editor">
      <p id={captionId} className="field-hint">
        {rows.length === 0 ? t('settings.general.ownersEmpty') : t('settings.general.ownersKeys')}
      </p>
      {rows.length > 0 ? (
        <ol ref={list} className="owners-list" aria-describedby={captionId}>
          {rows.map((row, index) => {
            const error = errors[index];
            const errorId = `${captionId}-${row.key}-error`;
            const label = t('settings.general.ownerName', { n: index + 1 });
            return (
              <li key={row.key} className="owners-row">
                <div className="owners-row-main">
                  <input
                    type="text"
                    data-owner-key={row.key}
                    aria-label={label}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={OWNER_NAME_MAX}
                    value={row.name}
                    onChange={(e) => rename(index, e.target.value)}
                    onKeyDown={onRowKeyDown(index)}
                  />
                  <Button
                    size="small"
                    aria-label={t('settings.general.moveUpLabel', { name: row.name || label })}
                    title={t('settings.general.moveUp')}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    size="small"
                    aria-label={t('settings.general.moveDownLabel', { name: row.name || label })}
                    title={t('settings.general.moveDown')}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </Button>
                  {handOver ? (
                    <HandOverButton
                      size="small"
                      text={t('settings.handOver.row')}
                      label={t('settings.handOver.rowLabel', { name: row.name.trim() || label })}
                      blocked={handOver.blocked}
                      noteId={handOver.noteId}
                      disabled={row.name.trim() === ''}
                      onOpen={() => handOver.onOpen(row.name.trim())}
                    />
                  ) : null}
                  <Button
                    danger
                    size="small"
                    aria-label={t('settings.general.removeLabel', { name: row.name || label })}
                    onClick={() => remove(index)}
                  >
                    {t('settings.general.remove')}
                  </Button>
                </div>
                {error ? (
                  <p id={errorId} className="field-error">
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className="owners-add" ref={addRef}>
        <TextField
          label={t('settings.general.addOwner')}
          hint={t('settings.general.addOwnerHint')}
          error={addError}
          value={adding}
          onValueChange={(v) => {
            setAdding(v);
            if (addError) onAddErrorClear();
          }}
          onKeyDown={onAddKeyDown}
          maxLength={OWNER_NAME_MAX}
          autoComplete="off"
          spellCheck={false}
        />
        <Button onClick={add}>{t('settings.general.addOwnerButton')}</Button>
      </div>
    </div>
  );
}
