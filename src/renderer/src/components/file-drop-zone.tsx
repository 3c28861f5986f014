import { Upload } from 'antd';
import { useEffect, useId, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Every format the engine reads: CSV and text (any encoding), Excel 2007+ and 97–2003, OpenDocument. */
const ACCEPT = '.csv,.txt,.tsv,.xlsx,.xlsm,.xls,.ods';

interface Props {
  onPick: (file: File) => void;
  disabled: boolean;
  /** The button text: "Choose file", or "Choose another file" once one is loaded. */
  buttonLabel: string;
}

/**
 * A zone that takes a dropped file or, clicked (or Enter or Space on it), opens the file chooser:
 * antd's Upload.Dragger with nothing uploaded. The file goes to `onPick` as it came (its bytes are
 * read there), whatever its extension, as a native file input would give it. The zone is one button
 * named by the text it shows: the drop instruction, the hint and "Choose file".
 */
export function FileDropZone({ onPick, disabled, buttonLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const titleId = `${id}-title`;
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const zone = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);

  // A file dropped beside the zone must not make the window open it in place of the app.
  useEffect(() => {
    const guard = (e: globalThis.DragEvent) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);

  // antd renders the zone's button element itself: its name and state are set on it here. The name is
  // all the text the zone shows, in order (WCAG 2.5.3, axe label-content-name-mismatch: a control's
  // name holds its visible text): the drop instruction, the hint, then "Choose file" (spaces between
  // them in the markup, or the shown text reads as one run: "…file hereAlibaba.com…").
  useLayoutEffect(() => {
    const button = zone.current?.querySelector<HTMLElement>('[role="button"]');
    if (!button) return;
    button.setAttribute('aria-labelledby', `${titleId} ${hintId} ${labelId}`);
    if (disabled) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }, [titleId, labelId, hintId, disabled]);

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!over) setOver(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
  };

  // The zone opens the chooser on Enter (antd) and on Space, as a button does.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== ' ' || disabled) return;
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'button') return;
    e.preventDefault();
    target.click();
  };

  return (
    <div
      ref={zone}
      className={over ? 'drop-zone is-over' : 'drop-zone'}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={() => setOver(false)}
      onKeyDown={onKeyDown}
    >
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        disabled={disabled}
        showUploadList={false}
        // Nothing is uploaded: the file goes to the app's own handler, and into no list.
        beforeUpload={(file) => {
          onPick(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p id={titleId} className="drop-zone-title">
          {over ? t('import.dropActive') : t('import.dropZone')}
        </p>{' '}
        <p id={hintId} className="muted">
          {t('import.dropHint')}
        </p>{' '}
        <span id={labelId} className="button button-primary drop-zone-button">
          {buttonLabel}
        </span>
      </Upload.Dragger>
    </div>
  );
}
