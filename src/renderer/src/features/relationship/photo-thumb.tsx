import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintPhoto } from '../../../../shared/domain/relationship';
import { call } from '../../lib/ipc';
import { photoKeys } from './relationship-keys';

/** A photo as a data: URL (the page's CSP allows img-src data:). */
export const photoDataUrl = (mime: string, contentBase64: string) => `data:${mime};base64,${contentBase64}`;

/**
 * A thumbnail; a photo the page cannot draw (HEIC in Chromium, damaged or unreadable bytes: `failed`)
 * says so, with its name as a tooltip. `src` null: still loading.
 */
export function PhotoThumb({ src, name, failed = false }: { src: string | null; name: string; failed?: boolean }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  if (src === null || broken || failed) {
    return (
      <span className="photo-thumb photo-thumb-text" title={name}>
        {src === null && !failed ? '…' : t('relationship.photos.notShown')}
      </span>
    );
  }
  return <img className="photo-thumb" src={src} alt={name} title={name} onError={() => setBroken(true)} />;
}

/** Whether an element has come near the screen (once true, it stays true). */
function useSeen<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen]);
  return { ref, seen };
}

/** A stored photo's thumbnail: its bytes are fetched once it is near the screen, and kept (a photo never changes). */
export function StoredPhotoThumb({ photo }: { photo: ComplaintPhoto }) {
  const { ref, seen } = useSeen<HTMLSpanElement>();
  const bytes = useQuery({
    queryKey: photoKeys.photo(photo.id),
    queryFn: () => call('complaints.photo', { id: photo.id }),
    enabled: seen,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
  return (
    <span ref={ref} className="photo-thumb-frame" data-photo-id={photo.id}>
      <PhotoThumb
        src={bytes.data ? photoDataUrl(bytes.data.mime, bytes.data.contentBase64) : null}
        failed={bytes.isError}
        name={photo.fileName}
      />
    </span>
  );
}
