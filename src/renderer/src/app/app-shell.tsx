import { BoardsPage } from '../features/boards/boards-page';
import { CustomersPage } from '../features/customers/customers-page';
import { FollowUpsPage } from '../features/followups/followups-page';
import { LazyDashboardPage } from '../features/dashboard/lazy-dashboard-page';
import { ComplaintsPage } from '../features/relationship/complaints-page';
import { NeedsPage } from '../features/relationship/needs-page';
import { ImportPage } from '../features/import/import-page';
import { SettingsPage } from '../features/settings/settings-page';
import { SurveysPage } from '../features/surveys/surveys-page';
import { useStartupGate } from '../features/safety/use-startup-gate';
import { Navigation } from './navigation';
import { PlaceholderPage } from './placeholder-page';
import { SHELL_ID } from './shell-id';
import { useHashRoute } from './use-hash-route';

/** Navigation on the left, the current page on the right. */
export function AppShell() {
  const route = useHashRoute();
  // A database that could not be opened (damaged, newer version) shows the recovery screen instead.
  const startupGate = useStartupGate();
  if (startupGate) return startupGate;
  return (
    <div id={SHELL_ID} className="app-shell">
      <Navigation current={route} />
      <main className="page" id="main">
        {route === 'customers' ? <CustomersPage /> : route === 'import' ? <ImportPage /> : route === 'boards' ? <BoardsPage /> : route === 'dashboard' ? <LazyDashboardPage /> : route === 'settings' ? <SettingsPage /> : route === 'followups' ? <FollowUpsPage /> : route === 'needs' ? <NeedsPage /> : route === 'complaints' ? <ComplaintsPage /> : route === 'surveys' ? <SurveysPage /> : <PlaceholderPage route={route} />}
      </main>
    </div>
  );
}
