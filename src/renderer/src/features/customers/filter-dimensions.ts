import type { BoardDimension } from '../../../../shared/domain/classification-enums';
import type { FilterListKey } from './grid-filter';

/** The dimension (board, class label, i18n enums.dimension) each list filter narrows by. */
export const FILTER_DIMENSION: Record<FilterListKey, BoardDimension> = {
  countries: 'country',
  industries: 'industry',
  owners: 'owner',
  continents: 'continent',
  regions: 'region',
  segments: 'segment',
  tiers: 'tier',
  matrix: 'matrix',
  churn: 'churn',
  lifecycleStages: 'lifecycle',
  priorities: 'priority',
  businessTypes: 'businessType',
  scales: 'scale',
};
