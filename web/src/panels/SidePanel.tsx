import type { ReactNode } from 'react';
import { CityNotes } from '../app/CityNotes.tsx';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { GraphStats } from '../worker/graph-stats.ts';
import { FacilityCounts } from './FacilityCounts.tsx';
import { NetworkCard } from './NetworkCard.tsx';
import { SummaryCards } from './SummaryCards.tsx';

interface SidePanelProps {
  city: CityData;
  graphs: GraphStats[] | null;
  /** The selected facility's card, shown above the counts (null: a hint to click one). */
  card: ReactNode;
}

export function SidePanel({ city, graphs, card }: SidePanelProps) {
  const { t, formatNumber } = useI18n();
  const { manifest } = city;
  return (
    <aside className="side-panel" data-testid="side-panel">
      <section>
        <h2 className="panel-heading">{t('cards.heading')}</h2>
        <SummaryCards totals={manifest.population?.totals ?? null} />
        <CityNotes manifest={manifest} />
        <p className="panel-note">
          {t('cards.cells', {
            n: formatNumber(city.population.length),
            res: manifest.h3Resolution,
          })}
        </p>
      </section>
      {card ?? <p className="panel-note">{t('details.hint')}</p>}
      <FacilityCounts facilities={city.facilities.features} />
      <NetworkCard stats={graphs} />
      <footer className="panel-footer">
        <div>{manifest.source.attribution || t('footer.attribution')}</div>
        <div>{t('footer.offline')}</div>
      </footer>
    </aside>
  );
}
