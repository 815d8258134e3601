import { useState } from 'react';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import type { ScenarioProblem } from '../../../analysis/siting/scenario-validate.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { downloadText } from '../import/download.ts';
import { LiveNumbersTable } from './LiveNumbers.tsx';
import { ModificationList } from './ModificationList.tsx';
import { SiteActions } from './SiteActions.tsx';
import { SiteForm } from './SiteForm.tsx';
import { exportScenarioText, importScenarioText, nextSiteId } from './scenario-store.ts';
import type { Interaction } from './use-scenario-workspace.tsx';
import { newScenario, type ScenarioControl } from './use-scenarios.ts';

const SPEEDS = [0.8, 0.9, 1.0, 1.1, 1.2];
const TRAVELS = ['walk-elderly', 'walk', 'ebike', 'drive'] as const;

export function EditView({
  control,
  interaction,
  setInteraction,
  selectedSite,
  onDeselect,
}: {
  control: ScenarioControl;
  interaction: Interaction;
  setInteraction(i: Interaction): void;
  selectedSite: SiteFacility | null;
  onDeselect(): void;
}) {
  const { t } = useI18n();
  const { scenario, store } = control;
  const [problems, setProblems] = useState<ScenarioProblem[]>([]);
  const speed =
    [...scenario.modifications].reverse().find((m) => m.kind === 'set-walking-speed')?.mps ??
    control.live?.walkingSpeedMps ??
    1;
  const travel =
    [...scenario.modifications].reverse().find((m) => m.kind === 'set-travel-profile')?.travel ??
    'walk-elderly';
  const importFile = async (file: File) => {
    const result = importScenarioText(await file.text(), control.baselineFacilities);
    if ('problems' in result) setProblems(result.problems);
    else {
      setProblems([]);
      control.add(result.scenario);
    }
  };
  return (
    <>
      <section className="scenario-section scenario-row">
        <select
          aria-label={t('scenario.pick')}
          data-testid="scenario-select"
          value={store.active}
          onChange={(e) => control.select(Number(e.target.value))}
        >
          {store.scenarios.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: scenarios are addressed by position
            <option key={i} value={i}>
              {s.name ?? `#${i + 1}`}
            </option>
          ))}
        </select>
        <input
          aria-label={t('scenario.name')}
          value={scenario.name ?? ''}
          onChange={(e) => control.rename(e.target.value)}
        />
        <button
          type="button"
          onClick={() => control.add(newScenario(control, `方案${store.scenarios.length + 1}`))}
        >
          {t('scenario.new')}
        </button>
        <button type="button" onClick={() => control.remove(store.active)}>
          {t('scenario.delete')}
        </button>
      </section>
      <p className="scenario-muted" data-testid="scenario-profile" data-value={control.profileId}>
        {t('scenario.usingProfile', { profile: control.profileId })}
      </p>
      <LiveNumbersTable control={control} />
      <section className="scenario-section scenario-row">
        <button
          type="button"
          data-testid="scenario-add-mode"
          className={interaction.kind === 'add' ? 'active' : ''}
          onClick={() =>
            setInteraction(interaction.kind === 'add' ? { kind: 'idle' } : { kind: 'add' })
          }
        >
          {t('scenario.addSite')}
        </button>
        <label>
          {t('scenario.speed')}
          <select
            data-testid="scenario-speed"
            value={speed}
            onChange={(e) =>
              control.apply({ kind: 'set-walking-speed', mps: Number(e.target.value) })
            }
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s.toFixed(1)} m/s
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scenario.travel')}
          <select
            data-testid="scenario-travel"
            value={travel}
            onChange={(e) => {
              const next = TRAVELS.find((name) => name === e.target.value);
              if (next !== undefined) control.apply({ kind: 'set-travel-profile', travel: next });
            }}
          >
            {TRAVELS.map((name) => (
              <option key={name} value={name}>
                {t(`travel.${name}`)}
              </option>
            ))}
          </select>
        </label>
      </section>
      {interaction.kind === 'idle' && <p className="scenario-hint">{t('scenario.dragHint')}</p>}
      {interaction.kind === 'add' && <p className="scenario-hint">{t('scenario.addHint')}</p>}
      {interaction.kind === 'move' && (
        <p className="scenario-hint">{t('scenario.moveHint', { id: interaction.id })}</p>
      )}
      {interaction.kind === 'form' && (
        <SiteForm
          initial={{
            name: t('scenario.newSiteName'),
            type: 'neighbourhood_point',
            floorAreaM2: 60,
            beds: 0,
            floorLevel: 1,
          }}
          submitLabel={t('scenario.addSite')}
          onCancel={() => setInteraction({ kind: 'idle' })}
          onSubmit={(v) => {
            const id = nextSiteId(scenario, control.baselineFacilities);
            control.apply({
              kind: 'add-site',
              id,
              ...v,
              lon: interaction.lon,
              lat: interaction.lat,
            });
            setInteraction({ kind: 'add' });
          }}
        />
      )}
      {selectedSite !== null && interaction.kind !== 'form' && (
        <SiteActions
          site={selectedSite}
          control={control}
          onMove={(id) => setInteraction({ kind: 'move', id })}
          onDone={onDeselect}
        />
      )}
      <ModificationList modifications={scenario.modifications} onUndo={control.undo} />
      <section className="scenario-section scenario-row">
        <button
          type="button"
          data-testid="scenario-export"
          onClick={() =>
            downloadText(
              `${scenario.name ?? 'scenario'}.scenario.json`,
              exportScenarioText(scenario),
              'application/json',
            )
          }
        >
          {t('scenario.export')}
        </button>
        <label className="scenario-file">
          {t('scenario.import')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="scenario-import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file !== undefined) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </section>
      {problems.length > 0 && (
        <ul className="scenario-problems" data-testid="scenario-problems">
          {problems.map((p) => (
            <li key={`${p.code}${p.path}${p.message}`}>
              <code>{p.code}</code> {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {control.error !== null && <p className="scenario-error">{control.error}</p>}
    </>
  );
}
