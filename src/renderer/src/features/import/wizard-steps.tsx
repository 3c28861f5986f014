import { useTranslation } from 'react-i18next';
import { WIZARD_STEPS, type WizardStep } from './import-types';

/** The steps of the import as an ordered list; the current one is marked with aria-current="step". */
export function WizardSteps({ current }: { current: WizardStep }) {
  const { t } = useTranslation();
  const at = WIZARD_STEPS.indexOf(current);
  return (
    <ol className="wizard-steps" aria-label={t('import.stepsLabel')}>
      {WIZARD_STEPS.map((step, i) => (
        <li key={step} className={i < at ? 'is-done' : i === at ? 'is-current' : undefined} aria-current={i === at ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          {t(`import.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
