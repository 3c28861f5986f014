import type { CustomerFilter } from './customer';

/**
 * The filter that selects every active customer (what customerFilterSchema.parse({}) gives),
 * without the schema library, so the renderer can start from it too.
 */
export const EMPTY_CUSTOMER_FILTER: CustomerFilter = {
  search: '',
  countries: [],
  industries: [],
  owners: [],
  lifecycleStages: [],
  priorities: [],
  tag: '',
  archived: 'active',
  continents: [],
  regions: [],
  businessTypes: [],
  scales: [],
  segments: [],
  tiers: [],
  matrix: [],
  churn: [],
  countryUnrecognised: false,
  workingHoursNow: false,
};
