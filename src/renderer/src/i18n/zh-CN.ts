import { assignmentZhCN } from '../features/assignment/strings.zh-CN';
import { boardsZhCN } from '../features/boards/strings.zh-CN';
import { captureZhCN } from '../features/capture/strings.zh-CN';
import { commonZhCN } from './common.zh-CN';
import { customersZhCN } from '../features/customers/strings.zh-CN';
import { dashboardZhCN } from '../features/dashboard/strings.zh-CN';
import { dealsZhCN } from '../features/deals/strings.zh-CN';
import { productsZhCN } from '../features/products/strings.zh-CN';
import { followupsZhCN } from '../features/followups/strings.zh-CN';
import { importZhCN } from '../features/import/strings.zh-CN';
import { managerZhCN } from '../features/manager/strings.zh-CN';
import { poolZhCN } from '../features/pool/strings.zh-CN';
import { quotationsZhCN } from '../features/quotations/strings.zh-CN';
import { recommendationsZhCN } from '../features/recommendations/strings.zh-CN';
import { relationshipZhCN } from '../features/relationship/strings.zh-CN';
import { safetyZhCN } from '../features/safety/strings.zh-CN';
import { searchZhCN } from '../features/search/strings.zh-CN';
import { settingsZhCN } from '../features/settings/strings.zh-CN';
import { surveysZhCN } from '../features/surveys/strings.zh-CN';
import { teamZhCN } from '../features/team/strings.zh-CN';
import { welcomeZhCN } from '../features/welcome/strings.zh-CN';
import type { Messages } from './en';

/** 简体中文界面文字：各功能的文字在其目录的 strings.zh-CN.ts，共用的在 common.zh-CN.ts。 */
export const zhCN: Messages = {
  customers: customersZhCN,
  import: importZhCN,
  dashboard: dashboardZhCN,
  boards: boardsZhCN,
  deals: dealsZhCN,
  products: productsZhCN,
  settings: settingsZhCN,
  followups: followupsZhCN,
  relationship: relationshipZhCN,
  quotations: quotationsZhCN,
  recommendations: recommendationsZhCN,
  safety: safetyZhCN,
  surveys: surveysZhCN,
  team: teamZhCN,
  pool: poolZhCN,
  assignment: assignmentZhCN,
  manager: managerZhCN,
  capture: captureZhCN,
  search: searchZhCN,
  welcome: welcomeZhCN,
  common: commonZhCN,
};
