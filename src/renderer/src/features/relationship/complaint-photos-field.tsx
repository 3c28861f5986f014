import { Button } from 'antd';
import type { TFunction } from 'i18next';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMPLAINT_PHOTO_BYTES, MAX_COMPLAINT_PHOTOS } from '../../../../shared/domain/relationship';
import { bytesToBase64 } from '../../lib/base64';
import { fileSizeText } from '../../lib/file-size';
import { photoDataUrl, PhotoThumb } from './photo-thumb';

/** The file types the picker offers (the engine checks the bytes, whatever the name says). */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif';

/** A photo chosen for a complaint, not saved yet. */
export interface PhotoDraft {
  key: string;
  fileName: string;
  size: number;
  /** The type the file claims (for its preview only). */
  mime: string;
  contentBase64: string;
}

let nextKey = 0;

/**
 * Reads chosen files as photos: at most `room` of them, each at most 10 MB. Files past either limit
 * are left out and said so (the others are kept).
 */
export async function readPhotoFiles(
  t: TFunction,
  files: readonly File[],
  room: number,
): Promise<{ drafts: PhotoDraft[]; problem?: string }> {
  const drafts: PhotoDraft[] = [];
  let problem: string | undefined;
  for (const file of files) {
    if (file.size > MAX_COMPLAINT_PHOTO_BYTES) {
      problem ??= t('relationship.photos.tooLarge', { name: file.name });
      continue;
    }
    if (drafts.length >= room) {
      problem ??= t('relationship.photos.tooMany', { count: MAX_COMPLAINT_PHOTOS });
      break;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    drafts.push({
      key: `photo-${++nextKey}`,
      fileName: file.name,
      size: file.size,
      mime: file.type || 'application/octet-stream',
      contentBase64: bytesToBase64(bytes),
    });
  }
  return { drafts, problem };
}

/** An engine refusal of one of these photos (`photos.<n>`), in words naming the file. */
export function photoProblemText(t: TFunction, path: string, message: string, names: readonly string[]): string {
  const index = Number(path.split('.')[1]);
  const name = names[index] ?? '';
  if (path === 'photos' || message === 'too_many_photos') return t('relationship.photos.tooMany', { count: MAX_COMPLAINT_PHOTOS });
  if (message.includes('photo_too_large') || message.includes('too big')) return t('relationship.photos.tooLarge', { name });
  return t('relationship.photos.notImage', { name });
}

interface Props {
  value: readonly PhotoDraft[];
  onChange: (photos: PhotoDraft[]) => void;
  error?: string;
  onError: (message: string | undefined) => void;
}

/**
 * The photos of a new complaint: chosen (one or more at a time, up to ten in all), shown as
 * thumbnails with their names and sizes, each removable before saving.
 */
export function ComplaintPhotosField({ value, onChange, error, onError }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const room = MAX_COMPLAINT_PHOTOS - value.length;

  const choose = async (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    if (input.current) input.current.value = '';
    if (chosen.length === 0) return;
    const { drafts, problem } = await readPhotoFiles(t, chosen, room);
    onError(problem);
    if (drafts.length) onChange([...value, ...drafts]);
  };

  const remove = (key: string) => {
    const index = value.findIndex((p) => p.key === key);
    onError(undefined);
    onChange(value.filter((p) => p.key !== key));
    // Focus stays in the list (the next photo's Remove), or goes back to the file input.
    window.setTimeout(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(`[data-photos-for="${id}"] .photo-remove`);
      (buttons[Math.min(index, buttons.length - 1)] ?? input.current)?.focus();
    }, 0);
  };

  return (
    <div className="field relationship-photos">
      <label htmlFor={id} className="field-label">
        {t('relationship.photos.label')}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={PHOTO_ACCEPT}
        disabled={room <= 0}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => void choose(e.target.files)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('relationship.photos.hint', { count: MAX_COMPLAINT_PHOTOS })}
      </p>
      {value.length ? (
        <ul className="photo-list" aria-label={t('relationship.photos.listLabel')} data-photos-for={id}>
          {value.map((p) => (
            <li key={p.key} className="photo-item">
              <PhotoThumb src={photoDataUrl(p.mime, p.contentBase64)} name={p.fileName} />
              <span className="photo-name">{t('relationship.photos.chosen', { name: p.fileName, size: fileSizeText(t, p.size) })}</span>
              <Button
                size="small"
                className="photo-remove"
                aria-label={t('relationship.photos.removeNamed', { name: p.fileName })}
                onClick={() => remove(p.key)}
              >
                {t('relationship.photos.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
