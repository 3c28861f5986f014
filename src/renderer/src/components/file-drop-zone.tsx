import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Every format the engine reads: CSV and text (any encoding), Excel 2007+ and 97–2003, OpenDocument. */
const ACCEPT = '.csv,.txt,.tsv,.xlsx,.xlsm,.xls,.ods';

interface Props {
  onPick: (file: File) => void;
  disabled: boolean;
  /** The button text: "Choose file", or "Choose another file" once one is loaded. */
  buttonLabel: string;
}

/** "Choose file" (a native file picker) inside a zone that also accepts a dropped file. */
export function FileDropZone({ onPick, disabled, buttonLabel }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
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

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!over) setOver(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onPick(file);
  };

  return (
    <div
      className={over ? 'drop-zone is-over' : 'drop-zone'}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <p className="drop-zone-title">{over ? t('import.dropActive') : t('import.dropZone')}</p>
      <p className="muted">{t('import.dropHint')}</p>
      <button type="button" className="button button-primary" disabled={disabled} onClick={() => input.current?.click()}>
        {buttonLabel}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onPick(file);
        }}
      />
    </div>
  );
}
