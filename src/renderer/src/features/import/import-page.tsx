import { useTranslation } from 'react-i18next';
import { isImportKind } from './import-fields';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';
import { PossibleDuplicatesList } from './possible-duplicates';

/** Import: the wizard that brings a file in, and the history of earlier imports below it. */
export function ImportPage() {
  const { t } = useTranslation();
  // #/import?kind=products: the catalogue's Import button (files read as a catalogue).
  const q = window.location.hash.indexOf('?');
  const asked = q < 0 ? null : new URLSearchParams(window.location.hash.slice(q + 1)).get('kind');
  const preferredKind = asked && isImportKind(asked) ? asked : undefined;
  return (
    <div className="import-page">
      <div className="page-header">
        <h1 className="page-title">{t('import.title')}</h1>
      </div>
      <div className="import-body">
        <ImportWizard key={preferredKind ?? ''} preferredKind={preferredKind} />
        <PossibleDuplicatesList />
        <ImportHistory />
      </div>
    </div>
  );
}
