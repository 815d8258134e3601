import { Alert, Empty, InputNumber, Radio, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { programmeProgress } from '../../../analysis/programme/progress.ts';
import type { ProgrammeProfile, ProgrammeRegister } from '../../../analysis/programme/types.ts';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ScenarioControl } from '../scenario/use-scenarios.ts';
import { ProgressChart } from './ProgressChart.tsx';
import type { ProgrammeState } from './programme-state.ts';
import {
  enteredValue,
  isRatio,
  type StudyTarget,
  studyProfile,
  studyShare,
  studyTargets,
} from './study-targets.ts';

interface Row extends StudyTarget {
  key: string;
  achieved: number | null;
  gap: number | null;
  met: boolean | null;
}

/**
 * Yearly targets for the study area: the programme's city-wide counts scaled by the stated
 * share (or entered by the user), ratios as percentages, with what the register achieves.
 */
export function TargetsSection({
  control,
  profile,
  register,
  state,
  setState,
}: {
  control: ScenarioControl;
  profile: ProgrammeProfile;
  register: ProgrammeRegister<SiteFacility>;
  state: ProgrammeState;
  setState(next: ProgrammeState): void;
}) {
  const { t, locale, formatNumber, formatPercent } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const share = studyShare(state.scale, control.populationTotals);
  const targets = useMemo(
    () => studyTargets(profile, state.targetOverrides, share),
    [profile, state.targetOverrides, share],
  );
  const measured = useMemo(() => studyProfile(profile, targets), [profile, targets]);
  const progress = useMemo(() => {
    try {
      return programmeProgress(register, measured);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [register, measured]);
  const rows: Row[] = targets.map((st) => {
    const found =
      typeof progress === 'string'
        ? undefined
        : progress
            .find((y) => y.year === st.target.year)
            ?.targets.find((p) => p.id === st.target.id);
    return {
      ...st,
      key: `${st.target.year}-${st.target.id}`,
      achieved: found?.achieved ?? null,
      gap: found?.gap ?? null,
      met: found?.met ?? null,
    };
  });
  const shown = (target: StudyTarget['target'], value: number | null) =>
    value === null ? '—' : isRatio(target) ? formatPercent(value) : formatNumber(value);
  const enter = (row: Row, input: number | null) => {
    const others = state.targetOverrides.filter(
      (o) => !(o.id === row.target.id && o.year === row.target.year),
    );
    const entered =
      input === null
        ? others
        : [
            ...others,
            { id: row.target.id, year: row.target.year, value: enteredValue(row.target, input) },
          ];
    setState({ ...state, targetOverrides: entered });
  };
  const basisLabel = t(`programme.scale.${state.scale.basis}`);
  const study = share?.study ?? null;
  const totals = control.populationTotals;
  const studyFigure =
    totals === null ? null : state.scale.basis === 'elders60' ? totals.elders60 : totals.residents;
  return (
    <section className="scenario-section" data-testid="programme-progress">
      <h4>{t('programme.progress')}</h4>
      <div className="programme-scale" data-testid="programme-scale">
        <Space wrap>
          <Radio.Group
            size="small"
            value={state.scale.basis}
            onChange={(e) =>
              setState({ ...state, scale: { ...state.scale, basis: e.target.value } })
            }
            options={[
              { value: 'elders60', label: t('programme.scale.elders60') },
              { value: 'residents', label: t('programme.scale.residents') },
            ]}
          />
          <span>{t('programme.scale.cityWide', { basis: basisLabel })}</span>
          <InputNumber
            controls={false}
            size="small"
            min={1}
            step={1000}
            value={state.scale.cityWide}
            placeholder={t('programme.scale.placeholder')}
            aria-label={t('programme.scale.cityWide', { basis: basisLabel })}
            data-testid="programme-city-population"
            onChange={(value) =>
              setState({
                ...state,
                scale: {
                  ...state.scale,
                  cityWide: typeof value === 'number' && value > 0 ? value : null,
                },
              })
            }
            style={{ width: 130 }}
          />
        </Space>
        <p className="scenario-muted" data-testid="programme-share">
          {share === null
            ? t('programme.scale.pending', {
                basis: basisLabel,
                study: studyFigure === null ? '—' : formatNumber(studyFigure),
              })
            : t('programme.scale.share', {
                basis: basisLabel,
                study: formatNumber(study ?? 0),
                cityWide: formatNumber(share.cityWide),
                share: formatPercent(share.share),
              })}
        </p>
        {share !== null && share.share > 1 && (
          <Alert type="warning" showIcon title={t('programme.scale.overOne')} />
        )}
      </div>
      {typeof progress === 'string' && <Alert type="error" showIcon title={progress} />}
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="programme-targets"
        rowClassName={(row) => `programme-target programme-target-${row.source}`}
        columns={[
          {
            title: t('programme.target'),
            key: 'label',
            width: '42%',
            render: (_, row) => `${row.target.year} ${row.target.label[lang]}`,
          },
          {
            title: t('programme.goal'),
            key: 'goal',
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <InputNumber
                  controls={false}
                  size="small"
                  min={0}
                  max={isRatio(row.target) ? 100 : undefined}
                  value={
                    row.value === null
                      ? null
                      : isRatio(row.target)
                        ? Math.round(row.value * 1000) / 10
                        : row.value
                  }
                  suffix={isRatio(row.target) ? '%' : undefined}
                  placeholder={t('programme.enterGoal')}
                  aria-label={t('programme.goalFor', { target: row.target.label[lang] })}
                  onChange={(value) => enter(row, typeof value === 'number' ? value : null)}
                  style={{ width: 92 }}
                />
                <Tag className="programme-source" data-testid={`target-source-${row.source}`}>
                  {row.source === 'scaled' && share !== null
                    ? t('programme.source.scaled', {
                        value: formatNumber(row.programmeValue),
                        share: formatPercent(share.share),
                      })
                    : t(`programme.source.${row.source}`, {
                        value: shown(row.target, row.programmeValue),
                      })}
                </Tag>
              </Space>
            ),
          },
          {
            title: t('programme.achievedGap'),
            key: 'achieved',
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <span>{shown(row.target, row.achieved)}</span>
                <span className={row.met === false ? 'scenario-down' : 'scenario-up'}>
                  {row.gap === null
                    ? ''
                    : t('programme.gapIs', { gap: shown(row.target, row.gap) })}
                </span>
              </Space>
            ),
          },
        ]}
        locale={{ emptyText: <Empty description={t('programme.noTargets')} /> }}
      />
      {typeof progress !== 'string' && (
        <ProgressChart years={progress} lang={lang} title={t('programme.progress')} />
      )}
    </section>
  );
}
