import type { Feature, Point } from 'geojson';
import type { FacilityProperties } from '../../../analysis/city/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FACILITY_STYLE, FACILITY_TYPES, rgbCss } from '../map/facility-style.ts';

interface FacilityCountsProps {
  facilities: Feature<Point, FacilityProperties>[];
}

/** Sites per facility type, with their map colours, so the card doubles as a legend. */
export function FacilityCounts({ facilities }: FacilityCountsProps) {
  const { t, formatNumber } = useI18n();
  const counts = new Map<string, number>();
  for (const f of facilities)
    counts.set(f.properties.type, (counts.get(f.properties.type) ?? 0) + 1);
  return (
    <div className="card">
      <div className="card-head">
        <h3>{t('cards.facilities')}</h3>
        <span className="card-total" data-testid="facility-total">
          {t('cards.facilitiesTotal', { n: formatNumber(facilities.length) })}
        </span>
      </div>
      <ul className="type-list">
        {FACILITY_TYPES.map((type) => (
          <li key={type} className={counts.has(type) ? 'type-row' : 'type-row type-empty'}>
            <span
              className="swatch-dot"
              style={{ background: rgbCss(FACILITY_STYLE[type].color) }}
            />
            <span className="type-name">{t(`facility.${type}`)}</span>
            <span className="type-count">{formatNumber(counts.get(type) ?? 0)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
