import { useTranslation } from 'react-i18next';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';
import { PossibleDuplicatesList } from './possible-duplicates';

/** Import: the wizard that brings a file in, and the history of earlier imports below it. */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <div className="import-page">
      <div className="page-header">
        <h1 className="page-title">{t('import.title')}</h1>
      </div>
      <div className="import-body">
        <ImportWizard />
        <PossibleDuplicatesList />
        <ImportHistory />
      </div>
    </div>
  );
}
