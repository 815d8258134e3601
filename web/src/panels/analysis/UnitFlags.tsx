import { Alert, Button, Segmented, Switch, Typography } from 'antd';
import { useContext, useId } from 'react';
import type { AreaType } from '../../../../analysis/vocabulary.ts';
import { UnitFlagsContext } from '../../analysis-ui/use-unit-flags.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * The picked unit's area type (城市/农村) and new-residential mark (新建居住区), as the unit file
 * says until the user changes them here; a change re-runs the analysis.
 */
export function UnitFlags({ unitId }: { unitId: string }) {
  const control = useContext(UnitFlagsContext);
  const { t } = useI18n();
  const labelId = useId();
  const now = control?.inEffect(unitId);
  if (control === null || now === undefined) return null;
  const edited = control.flags[unitId] !== undefined;
  return (
    <section
      className="unit-flags"
      data-testid="unit-flags"
      data-area-type={now.areaType}
      data-new-residential={String(now.newResidential)}
      style={{ display: 'grid', gap: 6, marginTop: 8 }}
    >
      <Typography.Text strong>
        {t('analysis.unitFlags.title')}
        <Typography.Text
          type="secondary"
          data-testid="unit-flags-origin"
          style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}
        >
          {t(edited ? 'analysis.unitFlags.edited' : 'analysis.unitFlags.fromFile')}
        </Typography.Text>
      </Typography.Text>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <span>{t('analysis.unitFlags.areaType')}</span>
        <Segmented<AreaType>
          size="small"
          aria-label={t('analysis.unitFlags.areaType')}
          value={now.areaType}
          onChange={(areaType) => control.set(unitId, { areaType })}
          options={(['urban', 'rural'] as const).map((value) => ({
            value,
            label: (
              <span data-testid={`unit-area-${value}`}>{t(`analysis.unitFlags.${value}`)}</span>
            ),
          }))}
        />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <span id={labelId}>{t('analysis.unitFlags.newResidential')}</span>
        <Switch
          size="small"
          aria-labelledby={labelId}
          data-testid="unit-new-residential"
          checked={now.newResidential}
          onChange={(newResidential) => control.set(unitId, { newResidential })}
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analysis.unitFlags.hint')}
      </Typography.Text>
    </section>
  );
}

/** How many units the user flagged, by name, with a reset to the unit file's own. */
export function UnitFlagsNote() {
  const control = useContext(UnitFlagsContext);
  const { t } = useI18n();
  if (control === null || control.flagged.length === 0) return null;
  const flagged = new Set(control.flagged);
  const names = control.units.features
    .filter((f) => flagged.has(f.properties.id))
    .map((f) => f.properties.name);
  return (
    <div data-testid="unit-flags-note" data-count={control.flagged.length}>
      <Alert
        type="info"
        showIcon
        title={t('analysis.unitFlags.note', { n: control.flagged.length })}
        description={
          <div style={{ display: 'grid', gap: 6, justifyItems: 'start' }}>
            <span data-testid="unit-flags-names">{names.join('、')}</span>
            <Button size="small" data-testid="unit-flags-reset" onClick={control.reset}>
              {t('analysis.unitFlags.reset')}
            </Button>
          </div>
        }
      />
    </div>
  );
}
