import { Alert, Empty } from 'antd';
import { useMemo, useState } from 'react';
import { STATUS_LABELS } from '../../../analysis/programme/status.ts';
import { readStatusCsv, writeStatusCsv } from '../../../analysis/programme/status-csv.ts';
import { recordsOf } from '../../../analysis/programme/status-table.ts';
import { readStatusXlsx, writeStatusXlsx } from '../../../analysis/programme/status-xlsx.ts';
import { targetYears } from '../../../analysis/programme/targets.ts';
import { applyScenario } from '../../../analysis/siting/scenario-apply.ts';
import { mergeProgrammeRecords } from '../../../analysis/siting/scenario-programme.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { downloadBytes } from '../report/rasterise.ts';
import type { ScenarioControl } from '../scenario/use-scenarios.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import { BudgetSection } from './BudgetSection.tsx';
import {
  advanceSite,
  closuresBy,
  hasProgramme,
  nextStatus,
  type ProgrammeState,
  programmeOf,
  scenarioRegister,
  startProject,
  statusTableOf,
  statusWarnings,
} from './programme-state.ts';
import { TargetsSection } from './TargetsSection.tsx';
import { useProgrammeState } from './use-programme.ts';

/**
 * Programme tracking under the analysis's standards profile: statuses, coverage by year,
 * study-area targets and progress, cost and subsidy per year, status files.
 */
export function ProgrammeView({ control }: { control: ScenarioControl }) {
  // Another city: the tab starts over (its own records, targets, results), never the last city's.
  return <ProgrammeTab key={control.cityName} control={control} />;
}

function ProgrammeTab({ control }: { control: ScenarioControl }) {
  const { t, locale, formatPercent } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const [state, setState] = useProgrammeState(control.cityName);
  // The programme of the analysis's own profile (Haining 2024 has targets and subsidies).
  const programmeId = control.profileId;
  const withProgramme = hasProgramme(programmeId);
  const profile = useMemo(() => programmeOf(programmeId), [programmeId]);
  const baselineIds = useMemo(
    () => new Set(control.baselineFacilities.map((f) => f.id)),
    [control.baselineFacilities],
  );
  const facilities = useMemo(
    () => applyScenario(control.baselineFacilities, control.scenario),
    [control.baselineFacilities, control.scenario],
  );
  // Status edits belong to the active scenario; the city's records (imported status
  // files) stay underneath and are overridden per site by the scenario's.
  const records = useMemo(
    () => mergeProgrammeRecords(state.records, control.scenario),
    [state.records, control.scenario],
  );
  const register = useMemo(
    () => scenarioRegister(facilities, baselineIds, records),
    [facilities, baselineIds, records],
  );
  const keepInScenario = (next: ProgrammeState, siteId: string) => {
    const record = next.records.find((r) => r.id === siteId);
    if (record !== undefined) control.setStatusRecord(record);
  };
  const years = targetYears(profile);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(years[0] ?? thisYear);
  const [stepYear, setStepYear] = useState(thisYear);
  const [message, setMessage] = useState<string | null>(null);
  const [openBy, setOpenBy] = useState<{
    year: number;
    covered: number[];
    total: number;
    thresholds: number[];
  } | null>(null);
  const guard = (work: () => void) => {
    try {
      work();
      setMessage(null);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const coverageOpenBy = async () => {
    const modifications = [
      ...control.scenario.modifications,
      ...closuresBy(register, profile, year),
    ];
    const answer = await analysisWorker().scenarioEvaluate({ modifications });
    // Bring the live session back to the scenario being edited.
    await analysisWorker().scenarioEvaluate({ modifications: control.scenario.modifications });
    if (!answer.ok) setMessage(answer.error.message);
    else
      setOpenBy({
        year,
        covered: answer.value.covered,
        total: answer.value.totalElders,
        thresholds: answer.value.thresholds,
      });
  };
  const importFile = async (file: File) => {
    const read = file.name.toLowerCase().endsWith('.xlsx')
      ? await readStatusXlsx(new Uint8Array(await file.arrayBuffer()), { file: file.name })
      : readStatusCsv(await file.text(), { file: file.name });
    if (read.problems.length > 0) {
      setMessage(
        read.problems.map((p) => `${file.name} 行${p.row} ${p.column}: ${p.message}`).join('\n'),
      );
      return;
    }
    const records = recordsOf(read.table);
    const ids = new Set(records.map((r) => r.id));
    const warnings = records.flatMap(statusWarnings);
    setState({ ...state, records: [...state.records.filter((r) => !ids.has(r.id)), ...records] });
    setMessage(warnings.length > 0 ? warnings.join('\n') : null);
  };
  const projects = register.sites.filter((s) => s.baseline !== true);
  const names = new Map(facilities.map((f) => [f.id, f.name]));
  const candidates = control.baselineFacilities.filter((f) => !projects.some((p) => p.id === f.id));
  return (
    <>
      <section className="scenario-section">
        <p className="scenario-muted" data-testid="programme-profile">
          {t('programme.profileIs', {
            profile: control.profileName[lang],
            programme: withProgramme ? profile.name[lang] : t('programme.none'),
          })}
        </p>
        {!withProgramme && (
          <Empty
            data-testid="programme-empty"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('programme.empty', { profile: control.profileName[lang] })}
          />
        )}
        <h4>{t('programme.sites', { n: projects.length })}</h4>
        <label>
          {t('programme.stepYear')}{' '}
          <input
            type="number"
            value={stepYear}
            onChange={(e) => setStepYear(Number(e.target.value))}
            style={{ width: 70 }}
          />
        </label>
        <table className="scenario-table" data-testid="programme-sites">
          <tbody>
            {projects.map((site) => {
              const next = nextStatus(site.status);
              return (
                <tr key={site.id}>
                  <td title={site.id}>
                    {names.get(site.id) ?? site.id}
                    {site.upgraded ? ` (${t('programme.upgrade')})` : ''}
                  </td>
                  <td>{STATUS_LABELS[site.status][lang]}</td>
                  <td>
                    {next !== null && (
                      <button
                        type="button"
                        onClick={() =>
                          guard(() =>
                            keepInScenario(
                              advanceSite({ ...state, records }, register, site.id, {
                                year: stepYear,
                              }),
                              site.id,
                            ),
                          )
                        }
                      >
                        → {STATUS_LABELS[next][lang]}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="scenario-row">
          <select
            aria-label={t('programme.startProject')}
            value=""
            onChange={(e) =>
              e.target.value !== '' &&
              keepInScenario(
                startProject(state, e.target.value, { upgraded: true, year: stepYear }),
                e.target.value,
              )
            }
          >
            <option value="">{t('programme.startProject')}</option>
            {candidates.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      </section>
      <section className="scenario-section scenario-row">
        <label>
          {t('programme.year')}{' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[...new Set([...years, thisYear, thisYear + 1, thisYear + 2])].sort().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void coverageOpenBy()} data-testid="programme-open-by">
          {t('programme.openBy', { year })}
        </button>
      </section>
      {openBy !== null && (
        <p className="scenario-muted" data-testid="programme-open-by-result">
          {t('programme.openByResult', { year: openBy.year })}{' '}
          {openBy.thresholds
            .map(
              (m, i) =>
                `${m}′ ${formatPercent(openBy.total > 0 ? openBy.covered[i] / openBy.total : 0)}`,
            )
            .join(' · ')}
        </p>
      )}
      {withProgramme && (
        <>
          <TargetsSection
            control={control}
            profile={profile}
            register={register}
            state={state}
            setState={setState}
          />
          <BudgetSection profile={profile} register={register} />
        </>
      )}
      {!withProgramme && (
        <section className="scenario-section" data-testid="programme-progress">
          <Alert type="info" showIcon title={t('programme.noTargets')} />
        </section>
      )}
      <section className="scenario-section scenario-row">
        <button
          type="button"
          onClick={() =>
            downloadBytes('项目状态.csv', writeStatusCsv(statusTableOf(register)), 'text/csv')
          }
        >
          {t('programme.exportCsv')}
        </button>
        <button
          type="button"
          onClick={() =>
            void writeStatusXlsx(statusTableOf(register)).then((bytes) =>
              downloadBytes(
                '项目状态.xlsx',
                bytes,
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              ),
            )
          }
        >
          {t('programme.exportXlsx')}
        </button>
        <label className="scenario-file">
          {t('programme.import')}
          <input
            type="file"
            accept=".csv,.xlsx"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file !== undefined) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </section>
      {message !== null && <pre className="scenario-error">{message}</pre>}
    </>
  );
}
