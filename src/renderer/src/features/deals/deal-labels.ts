import type { TFunction } from 'i18next';
import { DEAL_STAGES, LOST_REASONS, type DealStage, type LostReason } from '../../../../shared/domain/deals';

export const stageLabel = (t: TFunction, stage: DealStage): string => t(`deals.stages.${stage}`);
export const lostReasonLabel = (t: TFunction, reason: LostReason): string => t(`deals.lostReasons.${reason}`);
export const isStage = (v: string): v is DealStage => (DEAL_STAGES as readonly string[]).includes(v);
export const isLostReason = (v: string): v is LostReason => (LOST_REASONS as readonly string[]).includes(v);
export const lostReasonOptions = (t: TFunction) => LOST_REASONS.map((r) => ({ value: r, label: lostReasonLabel(t, r) }));
