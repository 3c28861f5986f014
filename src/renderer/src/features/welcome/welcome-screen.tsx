import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hashFor } from '../../app/routes';
import { JobProgress } from '../../components/job-progress';
import { useOpenSample } from './use-workspace';
import '../../styles/workspace.css';

interface Props {
  /** Opens the New customer dialog. */
  onAddCustomer: () => void;
}

interface ActionProps {
  title: string;
  hint: string;
}

/** The words of one big action: its title names it, the hint describes it. */
function ActionText({ title, hint, ids }: ActionProps & { ids: { title: string; hint: string } }) {
  return (
    <>
      <span id={ids.title} className="welcome-action-title">
        {title}
      </span>
      <span id={ids.hint} className="welcome-action-hint">
        {hint}
      </span>
    </>
  );
}

/**
 * The first run: the user's database has no customers and no imports. Three ways in, each a big
 * target reachable by Tab: import a file, add a customer, or explore a generated sample kept in a
 * separate database.
 */
export function WelcomeScreen({ onAddCustomer }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const base = useId();
  const ids = (name: string) => ({ title: `${base}-${name}-title`, hint: `${base}-${name}-hint` });
  const explore = useOpenSample();
  const running = explore.job !== null;

  return (
    <section className="welcome" aria-labelledby={titleId}>
      <p className="welcome-product">{t('app.name')}</p>
      <h2 id={titleId} className="welcome-title">
        {t('welcome.title')}
      </h2>
      <p className="welcome-intro">{t('welcome.intro')}</p>
      <ul className="welcome-actions" aria-label={t('welcome.actionsLabel')}>
        <li>
          <a
            className="welcome-action"
            href={hashFor('import')}
            aria-labelledby={ids('import').title}
            aria-describedby={ids('import').hint}
          >
            <ActionText title={t('welcome.import')} hint={t('welcome.importHint')} ids={ids('import')} />
          </a>
        </li>
        <li>
          <button
            type="button"
            className="welcome-action"
            onClick={onAddCustomer}
            disabled={running}
            aria-labelledby={ids('add').title}
            aria-describedby={ids('add').hint}
          >
            <ActionText title={t('welcome.addCustomer')} hint={t('welcome.addCustomerHint')} ids={ids('add')} />
          </button>
        </li>
        <li>
          <button
            type="button"
            className="welcome-action welcome-action-sample"
            onClick={() => void explore.start()}
            disabled={running}
            aria-labelledby={ids('sample').title}
            aria-describedby={ids('sample').hint}
          >
            <ActionText title={t('welcome.explore')} hint={t('welcome.exploreHint')} ids={ids('sample')} />
          </button>
        </li>
      </ul>
      {explore.job ? (
        <div className="welcome-progress">
          <JobProgress
            label={explore.label}
            done={explore.job.done}
            total={explore.job.total}
            onCancel={explore.stop}
            cancelling={explore.job.cancelling}
          />
        </div>
      ) : null}
    </section>
  );
}
