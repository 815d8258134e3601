import { useI18n } from '../i18n/I18nProvider.tsx';

export type WizardStep = 'file' | 'mapping' | 'crs' | 'result';
const STEPS: WizardStep[] = ['file', 'mapping', 'crs', 'result'];

/** The wizard's steps, numbered, with the current one highlighted. */
export function StepBar({ step, skipCrs }: { step: WizardStep; skipCrs: boolean }) {
  const { t } = useI18n();
  const current = STEPS.indexOf(step);
  return (
    <ol className="step-bar">
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={[
            i === current ? 'step-on' : i < current ? 'step-done' : '',
            s === 'crs' && skipCrs ? 'step-skipped' : '',
          ].join(' ')}
        >
          <span className="step-num">{i + 1}</span>
          {t(`import.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}
