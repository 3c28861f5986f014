import type { TFunction } from 'i18next';
import type { ClassificationRules } from '../../../../shared/domain/classification';
import type { RfmSegment } from '../../../../shared/domain/classification-enums';
import { classLabel } from '../../lib/class-labels';

/** A segment's name in the current language: the firm's own name if it set one, else the built-in one. */
export function segmentLabel(
  t: TFunction,
  lang: string,
  segment: RfmSegment | string,
  names: ClassificationRules['segmentNames'] | undefined,
): string {
  const own = names?.[segment as RfmSegment];
  return classLabel(t, lang, 'segment', segment, own ? { en: own.en.trim(), zh: own.zh.trim() } : null);
}
