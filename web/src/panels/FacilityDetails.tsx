import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { FacilityFeature } from '../map/deck-layers.ts';
import { FACILITY_STYLE, rgbCss } from '../map/facility-style.ts';
import { IllustrativeBadge } from './IllustrativeBadge.tsx';

interface FacilityDetailsProps {
  facility: FacilityFeature;
  onClose(): void;
}

/** The clicked facility's register entry (its service circle is drawn on the map). */
export function FacilityDetails({ facility, onClose }: FacilityDetailsProps) {
  const { t, formatNumber } = useI18n();
  const p = facility.properties;
  const [lon, lat] = facility.geometry.coordinates;
  // A value the register leaves empty is unknown: said so, never shown as 0.
  const recorded = (value: number | null, show: (v: number) => string) =>
    value === null ? t('details.unrecorded') : show(value);
  const rows: [string, string][] = [
    [t('details.type'), t(`facility.${p.type}`)],
    [t('details.floorArea'), recorded(p.floorAreaM2, (v) => `${formatNumber(v)} m²`)],
    [t('details.beds'), recorded(p.beds, formatNumber)],
    [t('details.floorLevel'), recorded(p.floorLevel, String)],
    [
      t('details.lift'),
      p.hasLift === undefined ? '—' : t(p.hasLift ? 'details.yes' : 'details.no'),
    ],
    [t('details.coordinates'), `${lon.toFixed(6)}, ${lat.toFixed(6)}`],
  ];
  return (
    <Card
      size="small"
      className="card-selected"
      data-testid="facility-details"
      title={
        <span className="card-selected-title">
          <span
            className="swatch-dot"
            style={{ background: rgbCss(FACILITY_STYLE[p.type]?.color ?? [90, 90, 90]) }}
          />
          {p.name}
        </span>
      }
      extra={
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined aria-hidden="true" />}
          onClick={onClose}
          aria-label={t('details.close')}
        />
      }
    >
      {p.illustrative && <IllustrativeBadge />}
      <Descriptions
        size="small"
        column={1}
        items={rows.map(([label, value]) => ({ key: label, label, children: value }))}
      />
    </Card>
  );
}
