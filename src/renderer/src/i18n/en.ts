import { assignmentEn } from '../features/assignment/strings.en';
import { boardsEn } from '../features/boards/strings.en';
import { captureEn } from '../features/capture/strings.en';
import { commonEn } from './common.en';
import { customersEn } from '../features/customers/strings.en';
import { dashboardEn } from '../features/dashboard/strings.en';
import { dealsEn } from '../features/deals/strings.en';
import { productsEn } from '../features/products/strings.en';
import { followupsEn } from '../features/followups/strings.en';
import { importEn } from '../features/import/strings.en';
import { managerEn } from '../features/manager/strings.en';
import { poolEn } from '../features/pool/strings.en';
import { quotationsEn } from '../features/quotations/strings.en';
import { recommendationsEn } from '../features/recommendations/strings.en';
import { relationshipEn } from '../features/relationship/strings.en';
import { safetyEn } from '../features/safety/strings.en';
import { searchEn } from '../features/search/strings.en';
import { settingsEn } from '../features/settings/strings.en';
import { surveysEn } from '../features/surveys/strings.en';
import { teamEn } from '../features/team/strings.en';
import { welcomeEn } from '../features/welcome/strings.en';
import type { Strings } from './strings-type';

/**
 * English UI text: each feature's strings live beside its screens (features/<name>/strings.en.ts),
 * the shared ones in common.en.ts; zh-CN.ts composes the same files in Chinese.
 */
/** The namespaces: 'common' and one per feature, named as the feature's folder. */
export const enResources = {
  customers: customersEn,
  import: importEn,
  dashboard: dashboardEn,
  boards: boardsEn,
  deals: dealsEn,
  products: productsEn,
  settings: settingsEn,
  followups: followupsEn,
  relationship: relationshipEn,
  quotations: quotationsEn,
  recommendations: recommendationsEn,
  safety: safetyEn,
  surveys: surveysEn,
  team: teamEn,
  pool: poolEn,
  assignment: assignmentEn,
  manager: managerEn,
  capture: captureEn,
  search: searchEn,
  welcome: welcomeEn,
  common: commonEn,
};
export type Namespace = keyof typeof enResources;
/** Feature namespaces, looked in after 'common' for a key (each holds its own top-level key: surveys → surveys.*). */
export const FEATURE_NAMESPACES = Object.keys(enResources).filter((n) => n !== 'common') as Exclude<Namespace, 'common'>[];

/** Every key in one object (what code that lists keys reads, e.g. the error texts). */
export const en = {
  ...customersEn,
  ...importEn,
  ...dashboardEn,
  ...boardsEn,
  ...dealsEn,
  ...productsEn,
  ...settingsEn,
  ...followupsEn,
  ...relationshipEn,
  ...quotationsEn,
  ...recommendationsEn,
  ...safetyEn,
  ...surveysEn,
  ...teamEn,
  ...poolEn,
  ...assignmentEn,
  ...managerEn,
  ...captureEn,
  ...searchEn,
  ...welcomeEn,
  ...commonEn,
};

/** The shape every language's resources must have: the same namespaces and keys as English. */
export type Messages = { [N in Namespace]: Strings<(typeof enResources)[N]> };
