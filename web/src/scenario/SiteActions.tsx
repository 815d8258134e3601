import { Button } from 'antd';
import { useState } from 'react';
import type { FacilityType } from '../../../analysis/city/types.ts';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { FACILITY_TYPES } from '../../../analysis/siting/scenario-types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { SiteStatus } from '../programme/SiteStatus.tsx';
import { SiteForm } from './SiteForm.tsx';
import type { ScenarioControl } from './use-scenarios.ts';

/** Edits of one open site (baseline or added): close, move, resize, retype. */
export function SiteActions({
  site,
  control,
  onMove,
  onDone,
}: {
  site: SiteFacility;
  control: ScenarioControl;
  onMove(id: string): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [resizing, setResizing] = useState(false);
  return (
    <section className="scenario-section" data-testid="scenario-site-actions">
      <h4>
        {site.name} <span className="scenario-muted">{site.id}</span>
      </h4>
      <p className="scenario-muted">
        {t(`facility.${site.type}`)} · {site.floorAreaM2 ?? '—'} m² · {t('scenario.form.beds')}{' '}
        {site.beds ?? '—'}
      </p>
      <SiteStatus
        site={site}
        control={control}
        baselineIds={new Set(control.baselineFacilities.map((f) => f.id))}
      />
      {resizing ? (
        <SiteForm
          initial={{
            name: site.name,
            type: site.type,
            floorAreaM2: site.floorAreaM2 ?? 60,
            beds: site.beds ?? 0,
            floorLevel: site.floorLevel ?? 1,
          }}
          submitLabel={t('scenario.apply')}
          onCancel={() => setResizing(false)}
          onSubmit={(v) => {
            if (v.floorAreaM2 !== site.floorAreaM2 || v.beds !== (site.beds ?? 0))
              control.apply({
                kind: 'resize-site',
                id: site.id,
                floorAreaM2: v.floorAreaM2,
                beds: v.beds,
              });
            if (v.type !== site.type)
              control.apply({ kind: 'retype-site', id: site.id, type: v.type });
            setResizing(false);
          }}
        />
      ) : (
        <div className="scenario-row">
          <Button
            size="small"
            danger
            data-testid="scenario-close-site"
            onClick={() => {
              control.apply({ kind: 'close-site', id: site.id });
              onDone();
            }}
          >
            {t('scenario.site.close')}
          </Button>
          <Button size="small" onClick={() => onMove(site.id)}>
            {t('scenario.site.move')}
          </Button>
          <Button size="small" onClick={() => setResizing(true)}>
            {t('scenario.site.resize')}
          </Button>
          <select
            aria-label={t('scenario.site.retype')}
            value={site.type}
            onChange={(e) =>
              control.apply({
                kind: 'retype-site',
                id: site.id,
                type: e.target.value as FacilityType,
              })
            }
          >
            {FACILITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`facility.${type}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}
