import { classifyHandlers } from '../classify/handlers';
import { exportHandlers } from '../export/handlers';
import { safetyHandlers } from '../safety/handlers';
import { appHandlers } from '../services/app/handlers';
import { assignmentHandlers } from '../services/assignment/handlers';
import { boardsHandlers } from '../services/boards/handlers';
import { captureHandlers } from '../services/capture/handlers';
import { currencyHandlers } from '../services/currency/handlers';
import { customersHandlers } from '../services/customers/handlers';
import { dashboardHandlers } from '../services/dashboard/handlers';
import { dealsHandlers } from '../services/deals/handlers';
import { followupsHandlers } from '../services/followups/handlers';
import { importsHandlers } from '../services/imports/handlers';
import { managerHandlers } from '../services/manager/handlers';
import { poolHandlers } from '../services/pool/handlers';
import { prefsHandlers } from '../services/prefs/handlers';
import { productsHandlers } from '../services/products/handlers';
import { quotationsHandlers } from '../services/quotations/handlers';
import { recommendationsHandlers } from '../services/recommendations/handlers';
import { relationshipHandlers } from '../services/relationship/handlers';
import { searchHandlers } from '../services/search/handlers';
import { surveysHandlers } from '../services/surveys/handlers';
import { teamHandlers } from '../services/team/handlers';
import { workspaceHandlers } from '../workspace/handlers';
import type { Channel } from '../../shared/ipc/contract';
import type { Handler } from './handler-types';

export type { EngineRuntime } from './handler-types';

/**
 * One handler per channel of the contract, joined from each domain's own map (services/<domain>/handlers.ts,
 * classify/, export/, safety/, workspace/). The type makes a missing or extra one a compile error here,
 * and the contract test checks the same at run time.
 */
export const handlers: { [C in Channel]: Handler<C> } = {
  ...appHandlers,
  ...customersHandlers,
  ...searchHandlers,
  ...importsHandlers,
  ...exportHandlers,
  ...classifyHandlers,
  ...prefsHandlers,
  ...currencyHandlers,
  ...boardsHandlers,
  ...dashboardHandlers,
  ...followupsHandlers,
  ...relationshipHandlers,
  ...surveysHandlers,
  ...teamHandlers,
  ...poolHandlers,
  ...assignmentHandlers,
  ...managerHandlers,
  ...captureHandlers,
  ...safetyHandlers,
  ...workspaceHandlers,
  ...dealsHandlers,
  ...productsHandlers,
  ...quotationsHandlers,
  ...recommendationsHandlers,
};
