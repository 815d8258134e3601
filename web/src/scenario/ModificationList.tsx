import { InputNumber } from 'antd';
import {
  describeNetworkModification,
  isNetworkModification,
} from '../../../analysis/siting/scenario-network.ts';
import type { Modification, NetworkModification } from '../../../analysis/siting/scenario-types.ts';
import type { EditGain } from '../../../analysis/workflows/edit-gains.ts';
import { type I18n, useI18n } from '../i18n/I18nProvider.tsx';
import type { NetworkEditView } from '../worker/scenario-api.ts';

/** One line per modification, in order (the scenario is replayed in this order). */
export function describeModification(
  m: Modification,
  { t, locale }: Pick<I18n, 't' | 'locale'>,
): string {
  switch (m.kind) {
    case 'add-site':
      return t('scenario.mod.add', {
        name: m.name,
        type: t(`facility.${m.type}`),
        area: m.floorAreaM2,
      });
    case 'move-site':
      return t('scenario.mod.move', { id: m.id });
    case 'resize-site':
      return t('scenario.mod.resize', { id: m.id, area: m.floorAreaM2, beds: m.beds });
    case 'retype-site':
      return t('scenario.mod.retype', { id: m.id, type: t(`facility.${m.type}`) });
    case 'close-site':
      return t('scenario.mod.close', { id: m.id });
    case 'set-walking-speed':
      return t('scenario.mod.speed', { mps: m.mps });
    case 'set-profile':
      return t('scenario.mod.profile', { profile: m.profile });
    case 'set-travel-profile':
      return t('scenario.mod.travel', { travel: t(`travel.${m.travel}`) });
    case 'add-link':
    case 'close-link':
    case 'set-barrier':
      return describeNetworkModification(m, locale === 'en' ? 'en' : 'zh');
  }
}

/** What the list shows of the network edits beyond their one line (shapes come from the worker). */
export interface NetworkEditDetails {
  views: readonly NetworkEditView[];
  gains: readonly EditGain[] | null;
  /** The threshold gains are shown for, and its position in EditGain.gains. */
  minutes: number;
  thresholdIndex: number;
  onRemove(index: number): void;
  onReplace(index: number, m: Modification): void;
}

export function ModificationList({
  modifications,
  onUndo,
  network,
}: {
  modifications: readonly Modification[];
  onUndo(): void;
  network?: NetworkEditDetails;
}) {
  const i18n = useI18n();
  return (
    <section className="scenario-section">
      <div className="scenario-row">
        <h4>{i18n.t('scenario.mods.heading', { n: modifications.length })}</h4>
        <button
          type="button"
          onClick={onUndo}
          disabled={modifications.length === 0}
          data-testid="scenario-undo"
        >
          {i18n.t('scenario.undo')}
        </button>
      </div>
      {modifications.length === 0 ? (
        <p className="scenario-muted">{i18n.t('scenario.mods.empty')}</p>
      ) : (
        <ol className="scenario-mods" data-testid="scenario-mods">
          {modifications.map((m, i) =>
            network !== undefined && isNetworkModification(m) && m.kind !== 'set-barrier' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is ordered
              <NetworkEditItem key={i} index={i} m={m} details={network} />
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is ordered and append-only
              <li key={i}>{describeModification(m, i18n)}</li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}

/** A link or closure: kind, length, place in words, networks, gain, cost (万元), undo. */
function NetworkEditItem({
  index,
  m,
  details,
}: {
  index: number;
  m: Exclude<NetworkModification, { kind: 'set-barrier' }>;
  details: NetworkEditDetails;
}) {
  const { t, formatNumber } = useI18n();
  const view = details.views.find((v) => v.index === index && v.id === m.id);
  const gain = details.gains?.find((g) => g.index === index && g.id === m.id);
  const networks = m.networks.map((n) => t(`net.network.${n}`)).join('、');
  return (
    <li data-testid="net-mod" data-kind={m.kind} data-length={view ? String(view.lengthM) : ''}>
      <strong>{t(`net.kind.${m.kind}`)}</strong>
      {view !== undefined && (
        <>
          {' '}
          <span data-testid="net-mod-length">
            {t('net.length', { m: formatNumber(Math.round(view.lengthM)) })}
          </span>
          {'，'}
          <span data-testid="net-mod-place">{view.place}</span>
        </>
      )}
      <span className="scenario-muted">（{t('net.networks', { list: networks })}）</span>
      {gain !== undefined && (
        <span className="scenario-muted" data-testid="net-mod-gain">
          {' '}
          {t('net.gain', {
            minutes: details.minutes,
            n: formatNumber(Math.round(gain.gains[details.thresholdIndex] ?? 0)),
          })}
        </span>
      )}
      <div className="scenario-row">
        {m.kind === 'add-link' && (
          <span className="scenario-field">
            {t('net.cost')}
            <InputNumber
              controls={false}
              size="small"
              min={0}
              step={1}
              aria-label={t('net.cost')}
              data-testid="net-mod-cost"
              value={m.costYuan === undefined ? null : m.costYuan / 10_000}
              onChange={(v) => {
                const { costYuan: _old, ...rest } = m;
                details.onReplace(
                  index,
                  typeof v === 'number' && Number.isFinite(v)
                    ? { ...rest, costYuan: v * 10_000 }
                    : rest,
                );
              }}
            />
          </span>
        )}
        <button type="button" data-testid="net-mod-remove" onClick={() => details.onRemove(index)}>
          {t('net.remove')}
        </button>
      </div>
    </li>
  );
}
