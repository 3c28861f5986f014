import { BoardsPage } from '../features/boards/boards-page';
import { GlobalSearch } from '../features/search/global-search';
import { CustomersPage } from '../features/customers/customers-page';
import { DealsPage } from '../features/deals';
import { FollowUpsPage } from '../features/followups/followups-page';
import { LazyDashboardPage } from '../features/dashboard/lazy-dashboard-page';
import { ComplaintsPage } from '../features/relationship/complaints-page';
import { NeedsPage } from '../features/relationship/needs-page';
import { ImportPage } from '../features/import/import-page';
import { ManagerPage } from '../features/manager/manager-page';
import { ProductsPage } from '../features/products';
import { SettingsPage } from '../features/settings/settings-page';
import { SurveysPage } from '../features/surveys/surveys-page';
import { useStartupGate } from '../features/safety/use-startup-gate';
import { SampleBanner } from '../features/welcome/sample-banner';
import { useWorkspaceStatus } from '../features/welcome/use-workspace';
import { QuickCapture } from '../features/capture/quick-capture';
import { LanguageFromPrefs } from './language-choice';
import { Navigation } from './navigation';
import { PlaceholderPage } from './placeholder-page';
import type { Route } from './routes';
import { SHELL_ID } from './shell-id';
import { useHashRoute } from './use-hash-route';

/** Navigation on the left, the current page on the right. */
export function AppShell() {
  const route = useHashRoute();
  // A database that could not be opened (damaged, newer version) shows the recovery screen instead.
  const startupGate = useStartupGate();
  if (startupGate) return startupGate;
  return <Shell route={route} />;
}

/**
 * The shell of an open database. While the sample database is open, a striped frame and a banner
 * say so on every page; the pages start afresh after a switch (nothing of one database lingers).
 */
function Shell({ route }: { route: Route }) {
  const workspace = useWorkspaceStatus();
  const sample = workspace?.kind === 'sample';
  return (
    <div id={SHELL_ID} className={sample ? 'app-shell app-shell-sample' : 'app-shell'}>
      <LanguageFromPrefs />
      <Navigation current={route} />
      <main className="page" id="main" key={workspace?.kind ?? 'main'}>
        {sample ? <SampleBanner /> : null}
        {route === 'customers' ? (
          <CustomersPage />
        ) : route === 'import' ? (
          <ImportPage />
        ) : route === 'boards' ? (
          <BoardsPage />
        ) : route === 'deals' ? (
          <DealsPage />
        ) : route === 'products' ? (
          <ProductsPage />
        ) : route === 'dashboard' ? (
          <LazyDashboardPage />
        ) : route === 'manager' ? (
          <ManagerPage />
        ) : route === 'settings' ? (
          <SettingsPage />
        ) : route === 'followups' ? (
          <FollowUpsPage />
        ) : route === 'needs' ? (
          <NeedsPage />
        ) : route === 'complaints' ? (
          <ComplaintsPage />
        ) : route === 'surveys' ? (
          <SurveysPage />
        ) : (
          <PlaceholderPage route={route} />
        )}
      </main>
      <QuickCapture />
      <GlobalSearch />
    </div>
  );
}
