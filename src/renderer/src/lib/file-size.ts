import type { TFunction } from 'i18next';

/** A file size as the user reads it: bytes, KB or MB with one decimal. */
export function fileSizeText(t: TFunction, bytes: number): string {
  if (bytes < 1024) return t('import.sizeBytes', { value: bytes });
  if (bytes < 1024 * 1024) return t('import.sizeKB', { value: Math.round((bytes / 1024) * 10) / 10 });
  return t('import.sizeMB', { value: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}
