import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { builtInProfile } from '../../../analysis/standards/profiles.ts';
import { TRAVEL_PROFILES } from '../../../analysis/vocabulary.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { downloadText } from '../import/download.ts';
import { describeProblem } from './describe-problem.ts';
import { LiveNumbersTable } from './LiveNumbers.tsx';
import type { Notice } from './link-drawing.ts';
import { ModificationList } from './ModificationList.tsx';
import { NetworkEditsView } from './NetworkEditsView.tsx';
import { SiteActions } from './SiteActions.tsx';
import { SiteForm } from './SiteForm.tsx';
import { exportScenarioText, importScenarioText, nextSiteId } from './scenario-store.ts';
import type { Interaction } from './use-scenario-workspace.tsx';
import { newScenario, type ScenarioControl } from './use-scenarios.ts';

const SPEEDS = [0.8, 0.9, 1.0, 1.1, 1.2];
const TRAVELS = TRAVEL_PROFILES;

export function EditView({
  control,
  interaction,
  setInteraction,
  selectedSite,
  onDeselect,
  linkNotice,
  pointerLengthM,
}: {
  control: ScenarioControl;
  interaction: Interaction;
  setInteraction(i: Interaction): void;
  selectedSite: SiteFacility | null;
  onDeselect(): void;
  linkNotice: Notice | null;
  pointerLengthM: number | null;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { scenario, store } = control;
  const [problems, setProblems] = useState<string[]>([]);
  const speed =
    [...scenario.modifications].reverse().find((m) => m.kind === 'set-walking-speed')?.mps ??
    control.live?.walkingSpeedMps ??
    1;
  const travel =
    [...scenario.modifications].reverse().find((m) => m.kind === 'set-travel-profile')?.travel ??
    'walk-elderly';
  // Esc leaves any mode (add, the form of a placed site, move).
  useEffect(() => {
    if (interaction.kind === 'idle') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setInteraction({ kind: 'idle' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [interaction.kind, setInteraction]);
  const importFile = async (file: File) => {
    const result = importScenarioText(
      await file.text(),
      control.baselineFacilities,
      control.importChecks,
    );
    if ('problems' in result)
      setProblems(result.problems.map((p) => describeProblem(p, result.modifications, i18n)));
    else {
      setProblems([]);
      control.add(result.scenario);
    }
  };
  return (
    <>
      <section className="scenario-section scenario-row">
        <select
          className="native-select"
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
        <Input
          size="small"
          className="scenario-name"
          aria-label={t('scenario.name')}
          value={scenario.name ?? ''}
          onChange={(e) => control.rename(e.target.value)}
        />
        <Button
          size="small"
          onClick={() => control.add(newScenario(control, `方案${store.scenarios.length + 1}`))}
        >
          {t('scenario.new')}
        </Button>
        <Button size="small" danger onClick={() => control.remove(store.active)}>
          {t('scenario.delete')}
        </Button>
      </section>
      <p className="scenario-muted" data-testid="scenario-profile" data-value={control.profileId}>
        {t('scenario.usingProfile', { profile: profileName(control.profileId, locale) })}
      </p>
      <LiveNumbersTable control={control} />
      <section className="scenario-section scenario-row">
        <Button
          type={interaction.kind === 'add' ? 'primary' : 'default'}
          icon={<EnvironmentOutlined aria-hidden="true" />}
          aria-pressed={interaction.kind === 'add'}
          data-testid="scenario-add-mode"
          onClick={() =>
            setInteraction(interaction.kind === 'add' ? { kind: 'idle' } : { kind: 'add' })
          }
        >
          {t('scenario.addSite')}
        </Button>
        <span className="scenario-field">
          {t('scenario.speed')}
          <Select
            size="small"
            aria-label={t('scenario.speed')}
            data-testid="scenario-speed"
            value={speed}
            onChange={(mps: number) => control.apply({ kind: 'set-walking-speed', mps })}
            options={SPEEDS.map((s) => ({
              value: s,
              label: `${s.toFixed(1)} ${t('unit.mps')}`,
            }))}
          />
        </span>
        <span className="scenario-field">
          {t('scenario.travel')}
          <Select
            size="small"
            aria-label={t('scenario.travel')}
            data-testid="scenario-travel"
            value={travel}
            onChange={(next: (typeof TRAVELS)[number]) =>
              control.apply({ kind: 'set-travel-profile', travel: next })
            }
            options={TRAVELS.map((name) => ({ value: name, label: t(`travel.${name}`) }))}
          />
        </span>
      </section>
      <NetworkEditsView
        control={control}
        interaction={interaction}
        setInteraction={setInteraction}
        notice={linkNotice}
        pointerLengthM={pointerLengthM}
      />
      {interaction.kind === 'idle' && <p className="scenario-hint">{t('scenario.dragHint')}</p>}
      {interaction.kind === 'add' && <p className="scenario-hint">{t('scenario.addHint')}</p>}
      {interaction.kind === 'move' && (
        <p className="scenario-hint">
          {t('scenario.moveHint', {
            id:
              (selectedSite?.id === interaction.id ? selectedSite.name : undefined) ??
              control.baselineFacilities.find((f) => f.id === interaction.id)?.name ??
              t('scenario.newSiteName'),
          })}
        </p>
      )}
      {interaction.kind !== 'idle' && (
        <p className="scenario-muted" data-testid="scenario-esc-hint">
          {t('mode.escHint')}
        </p>
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
          submitLabel={t('scenario.form.submitAdd')}
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
            // One site per click of the add button: the mode ends once the site is placed.
            setInteraction({ kind: 'idle' });
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
      <ModificationList
        modifications={scenario.modifications}
        onUndo={control.undo}
        network={{
          views: control.networkViews,
          gains: control.editGains,
          minutes: control.baselineNumbers?.thresholds[0] ?? 5,
          thresholdIndex: 0,
          onRemove: control.removeAt,
          onReplace: control.replaceAt,
        }}
      />
      <section className="scenario-section scenario-row">
        <Button
          size="small"
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
        </Button>
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
        <div className="scenario-problems" data-testid="scenario-problems">
          <p>{t('scenario.problem.title')}</p>
          <ul>
            {[...new Set(problems)].map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {control.error !== null && <p className="scenario-error">{control.error}</p>}
    </>
  );
}

/** A profile's document name in the user's language (its id only if it is not a built-in one). */
function profileName(id: string, locale: string): string {
  try {
    const profile = builtInProfile(id);
    return locale === 'en' ? profile.name.en : profile.name.zh;
  } catch {
    return id;
  }
}
