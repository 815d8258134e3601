import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { FacilityFeature } from '../map/deck-layers.ts';
import type { GraphStats } from '../worker/graph-stats.ts';
import { FacilityCounts } from './FacilityCounts.tsx';
import { FacilityDetails } from './FacilityDetails.tsx';
import { NetworkCard } from './NetworkCard.tsx';
import { SummaryCards } from './SummaryCards.tsx';

interface SidePanelProps {
  city: CityData;
  graphs: GraphStats[] | null;
  selected: FacilityFeature | null;
  onSelect(facility: FacilityFeature | null): void;
}

export function SidePanel({ city, graphs, selected, onSelect }: SidePanelProps) {
  const { t, formatNumber } = useI18n();
  const { manifest } = city;
  return (
    <aside className="side-panel" data-testid="side-panel">
      <section>
        <h2 className="panel-heading">{t('cards.heading')}</h2>
        <SummaryCards totals={manifest.population?.totals ?? null} />
        <p className="panel-note">
          {t('cards.cells', {
            n: formatNumber(city.population.length),
            res: manifest.h3Resolution,
          })}
        </p>
      </section>
      {selected === null ? (
        <p className="panel-note">{t('details.hint')}</p>
      ) : (
        <FacilityDetails facility={selected} onClose={() => onSelect(null)} />
      )}
      <FacilityCounts facilities={city.facilities.features} />
      <NetworkCard stats={graphs} />
      <footer className="panel-footer">
        <div>{manifest.source.attribution || t('footer.attribution')}</div>
        <div>{t('footer.offline')}</div>
      </footer>
    </aside>
  );
}
