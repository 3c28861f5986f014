import { boardsEn } from '../features/boards/strings.en';
import { captureEn } from '../features/capture/strings.en';
import { commonEn } from './common.en';
import { customersEn } from '../features/customers/strings.en';
import { dashboardEn } from '../features/dashboard/strings.en';
import { followupsEn } from '../features/followups/strings.en';
import { importEn } from '../features/import/strings.en';
import { relationshipEn } from '../features/relationship/strings.en';
import { safetyEn } from '../features/safety/strings.en';
import { searchEn } from '../features/search/strings.en';
import { settingsEn } from '../features/settings/strings.en';
import { surveysEn } from '../features/surveys/strings.en';
import { welcomeEn } from '../features/welcome/strings.en';
import type { Strings } from './strings-type';

/**
 * English UI text: each feature's strings live beside its screens (features/<name>/strings.en.ts),
 * the shared ones in common.en.ts; zh-CN.ts composes the same files in Chinese.
 */
export const en = {
  ...customersEn,
  ...importEn,
  ...dashboardEn,
  ...boardsEn,
  ...settingsEn,
  ...followupsEn,
  ...relationshipEn,
  ...safetyEn,
  ...surveysEn,
  ...captureEn,
  ...searchEn,
  ...welcomeEn,
  ...commonEn,
};

/** The shape every language's resources must have. */
export type Messages = Strings<typeof en>;
