import { Button } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMPLAINT_PHOTOS, type Complaint } from '../../../../shared/domain/relationship';
import { FormError } from '../../components/form-error';
import { ModalDialog } from '../../components/modal-dialog';
import { errorText } from '../../i18n/error-text';
import { call } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import { fileSizeText } from '../../lib/file-size';
import { PHOTO_ACCEPT, photoProblemText, readPhotoFiles } from './complaint-photos-field';
import { StoredPhotoThumb } from './photo-thumb';
import { useRelationshipWrites } from './use-relationship-writes';

interface Props {
  complaint: Complaint;
  onClose: () => void;
}

/** A complaint's photos: each with its name and size, removable; more can be added, up to ten in all. */
export function ComplaintPhotosDialog({ complaint: initial, onClose }: Props) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [complaint, setComplaint] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const room = MAX_COMPLAINT_PHOTOS - complaint.photos.length;
  const company = complaint.company;

  const add = async (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    if (input.current) input.current.value = '';
    if (chosen.length === 0 || busy) return;
    const { drafts, problem: local } = await readPhotoFiles(t, chosen, room);
    setProblem(local);
    if (drafts.length === 0) return;
    setBusy(true);
    const result = await run(
      () =>
        call('complaints.addPhotos', {
          complaintId: complaint.id,
          photos: drafts.map((d) => ({ fileName: d.fileName, contentBase64: d.contentBase64 })),
        }),
      {
        done: () => t('relationship.complaints.photosAdded', { count: drafts.length, company }),
        conflict: t('relationship.complaints.conflict'),
        handles: (error) => {
          if (error.code !== 'INVALID_INPUT') return false;
          const f = invalidFields(error)[0];
          setProblem(
            f
              ? photoProblemText(
                  t,
                  f.path,
                  f.message,
                  drafts.map((d) => d.fileName),
                )
              : errorText(t, error),
          );
          return true;
        },
      },
    );
    setBusy(false);
    if (result.ok) setComplaint(result.value);
    input.current?.focus();
  };

  const remove = async (photoId: number, name: string, index: number) => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    const result = await run(() => call('complaints.removePhoto', { complaintId: complaint.id, photoId }), {
      done: () => t('relationship.complaints.photoRemoved', { name, company }),
      conflict: t('relationship.complaints.conflict'),
    });
    setBusy(false);
    if (!result.ok) return;
    setComplaint(result.value);
    // Focus stays in the list (the next photo's Remove), or goes to "Add photos".
    window.setTimeout(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.photo-remove') ?? [];
      (buttons[Math.min(index, buttons.length - 1)] ?? input.current)?.focus();
    }, 0);
  };

  return (
    <ModalDialog
      title={t('relationship.complaints.photosTitle', { company })}
      onRequestClose={() => !busy && onClose()}
      size="wide"
      className="relationship-dialog"
    >
      {complaint.photos.length ? (
        <ul ref={list} className="photo-list photo-list-large" aria-label={t('relationship.photos.listLabel')}>
          {complaint.photos.map((p, i) => (
            <li key={p.id} className="photo-item">
              <StoredPhotoThumb photo={p} />
              <span className="photo-name">
                {t('relationship.photos.chosen', { name: p.fileName, size: fileSizeText(t, p.sizeBytes) })}
              </span>
              <Button
                size="small"
                className="photo-remove"
                aria-label={t('relationship.photos.removeNamed', { name: p.fileName })}
                disabled={busy}
                onClick={() => void remove(p.id, p.fileName, i)}
              >
                {t('relationship.photos.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field relationship-photos">
        <label htmlFor={inputId} className="field-label">
          {t('relationship.photos.add')}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={PHOTO_ACCEPT}
          disabled={busy || room <= 0}
          aria-describedby={`${inputId}-hint`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => void add(e.target.files)}
        />
        <p id={`${inputId}-hint`} className="field-hint">
          {t('relationship.photos.hint', { count: MAX_COMPLAINT_PHOTOS })}
        </p>
      </div>
      <FormError message={problem} />
      <div className="form-actions">
        <Button type="primary" onClick={onClose} disabled={busy} data-autofocus>
          {t('relationship.complaints.photosDone')}
        </Button>
      </div>
    </ModalDialog>
  );
}
