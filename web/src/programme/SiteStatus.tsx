import { useState } from 'react';
import { STATUS_LABELS } from '../../../analysis/programme/status.ts';
import { mergeProgrammeRecords } from '../../../analysis/siting/scenario-programme.ts';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ScenarioControl } from '../scenario/use-scenarios.ts';
import {
  advanceSite,
  nextStatus,
  type ProgrammeState,
  scenarioRegister,
  startProject,
} from './programme-state.ts';
import { useProgrammeState } from './use-programme.ts';

/**
 * The programme status of one site in its detail: the current step and the next one. A status
 * change is stored in the active scenario (status is part of scenarios).
 */
export function SiteStatus({
  site,
  control,
  baselineIds,
}: {
  site: SiteFacility;
  control: ScenarioControl;
  baselineIds: ReadonlySet<string>;
}) {
  const city = control.cityName;
  const { t, locale } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const [cityState] = useProgrammeState(city);
  const state = {
    ...cityState,
    records: mergeProgrammeRecords(cityState.records, control.scenario),
  };
  const setState = (next: ProgrammeState) => {
    const changed = next.records.find((r) => r.id === site.id);
    if (changed !== undefined) control.setStatusRecord(changed);
  };
  const [year, setYear] = useState(new Date().getFullYear());
  const [error, setError] = useState<string | null>(null);
  const register = scenarioRegister([site], baselineIds, state.records);
  const record = register.sites.find((s) => s.id === site.id);
  const next = record === undefined ? null : nextStatus(record.status);
  const guard = (work: () => void) => {
    try {
      work();
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="scenario-row" data-testid="site-status">
      <span>
        {t('programme.status')}:{' '}
        {record === undefined ? t('programme.baseline') : STATUS_LABELS[record.status][lang]}
      </span>
      <input
        type="number"
        aria-label={t('programme.stepYear')}
        value={year}
        style={{ width: 64 }}
        onChange={(e) => setYear(Number(e.target.value))}
      />
      {record === undefined ? (
        <button
          type="button"
          onClick={() => setState(startProject(state, site.id, { upgraded: true, year }))}
        >
          {t('programme.upgrade')}
        </button>
      ) : (
        next !== null && (
          <button
            type="button"
            onClick={() => guard(() => setState(advanceSite(state, register, site.id, { year })))}
          >
            → {STATUS_LABELS[next][lang]}
          </button>
        )
      )}
      {error !== null && <span className="scenario-error">{error}</span>}
    </div>
  );
}
