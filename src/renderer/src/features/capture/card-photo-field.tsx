import { Button } from 'antd';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CARD_BYTES } from '../../../../shared/domain/capture';
import { bytesToBase64 } from '../../lib/base64';
import { fileSizeText } from '../../lib/file-size';

export interface CardPhoto {
  fileName: string;
  size: number;
  contentBase64: string;
}

interface Props {
  value: CardPhoto | null;
  onChange: (photo: CardPhoto | null) => void;
  error?: string;
  onError: (message: string | undefined) => void;
}

/** The photo of a business card, read from a file (the engine checks its bytes are an image). */
export function CardPhotoField({ value, onChange, error, onError }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // The native input keeps its file until told: empty it when the photo is removed or the lead saved.
  useEffect(() => {
    if (!value && input.current) input.current.value = '';
  }, [value]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CARD_BYTES) {
      onError(t('errors.CAPTURE_CARD_TOO_LARGE'));
      if (input.current) input.current.value = '';
      return;
    }
    onError(undefined);
    const bytes = new Uint8Array(await file.arrayBuffer());
    onChange({ fileName: file.name, size: file.size, contentBase64: bytesToBase64(bytes) });
  };

  return (
    <div className="field capture-card">
      <span id={`${id}-label`} className="field-label">
        {t('capture.card')}
      </span>
      <div className="capture-card-row">
        {/* The browser's own file button speaks the system's language: ours speaks the app's. */}
        <input
          ref={input}
          id={id}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          accept="image/jpeg,image/png,image/webp,image/heic,.heic,.heif"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <Button
          size="small"
          aria-labelledby={`${id}-label ${id}-choose`}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onClick={() => input.current?.click()}
        >
          <span id={`${id}-choose`}>{value ? t('capture.cardReplace') : t('capture.cardChoose')}</span>
        </Button>
        {value ? (
          <Button size="small" onClick={() => onChange(null)}>
            {t('capture.cardRemove')}
          </Button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {value ? t('capture.cardChosen', { name: value.fileName, size: fileSizeText(t, value.size) }) : t('capture.cardHint')}
      </p>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
