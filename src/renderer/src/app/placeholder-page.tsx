import { useTranslation } from 'react-i18next';
import type { Route } from './routes';

/** What a page that is not built yet shows: its name and an honest note. */
export function PlaceholderPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  return (
    <section className="placeholder-page" aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{t(`nav.${route}`)}</h1>
      <p>{t('placeholder.body')}</p>
    </section>
  );
}
