import { useI18n } from '../i18n/I18nProvider.tsx';
import type { GraphStats } from '../worker/graph-stats.ts';

/** Road networks as loaded into the analysis worker (one per travel mode). */
export function NetworkCard({ stats }: { stats: GraphStats[] | null }) {
  const { t, formatNumber } = useI18n();
  if (stats === null) return null;
  return (
    <div className="card" data-testid="network-card">
      <div className="card-head">
        <h3>{t('cards.network')}</h3>
      </div>
      <ul className="network-list">
        {stats.map((s) => (
          <li key={s.network} className="network-row">
            <span className="network-name">{t(`network.${s.network}`)}</span>
            <span className="network-figures">
              {t('cards.networkRow', {
                nodes: formatNumber(s.nodes),
                edges: formatNumber(s.edges),
                km: formatNumber(s.lengthKm, 1),
              })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
