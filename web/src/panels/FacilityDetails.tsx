import { useI18n } from '../i18n/I18nProvider.tsx';
import type { FacilityFeature } from '../map/deck-layers.ts';
import { FACILITY_STYLE, rgbCss } from '../map/facility-style.ts';
import { IllustrativeBadge } from './IllustrativeBadge.tsx';

interface FacilityDetailsProps {
  facility: FacilityFeature;
  onClose(): void;
}

/** The clicked facility's register entry. */
export function FacilityDetails({ facility, onClose }: FacilityDetailsProps) {
  const { t, formatNumber } = useI18n();
  const p = facility.properties;
  const [lon, lat] = facility.geometry.coordinates;
  const rows: [string, string][] = [
    [t('details.type'), t(`facility.${p.type}`)],
    [t('details.floorArea'), `${formatNumber(p.floorAreaM2)} m²`],
    [t('details.beds'), formatNumber(p.beds)],
    [t('details.floorLevel'), String(p.floorLevel)],
    [
      t('details.lift'),
      p.hasLift === undefined ? '—' : t(p.hasLift ? 'details.yes' : 'details.no'),
    ],
    [t('details.coordinates'), `${lon.toFixed(6)}, ${lat.toFixed(6)}`],
  ];
  return (
    <div className="card card-selected" data-testid="facility-details">
      <div className="card-head">
        <h3>
          <span
            className="swatch-dot"
            style={{ background: rgbCss(FACILITY_STYLE[p.type]?.color ?? [90, 90, 90]) }}
          />{' '}
          {p.name}
        </h3>
        <button type="button" className="close" onClick={onClose} aria-label={t('details.close')}>
          ×
        </button>
      </div>
      {p.illustrative && <IllustrativeBadge />}
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="details-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
