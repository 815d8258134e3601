import { useState } from 'react';
import type { FacilityType } from '../../../analysis/city/types.ts';
import { FACILITY_TYPES } from '../../../analysis/siting/scenario-types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface SiteFormValue {
  name: string;
  type: FacilityType;
  floorAreaM2: number;
  beds: number;
  floorLevel: number;
}

/** The small form of a site drawn on the map (or of a resize): type, floor area, beds, floor. */
export function SiteForm({
  initial,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  initial: SiteFormValue;
  onSubmit(value: SiteFormValue): void;
  onCancel(): void;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const num = (field: 'floorAreaM2' | 'beds' | 'floorLevel') => (text: string) =>
    setValue((v) => ({ ...v, [field]: Number(text) }));
  const valid = value.floorAreaM2 > 0 && value.beds >= 0 && value.floorLevel >= 1;
  return (
    <form
      className="scenario-form"
      data-testid="scenario-site-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onSubmit(value);
      }}
    >
      <label>
        {t('scenario.form.name')}
        <input value={value.name} onChange={(e) => setValue({ ...value, name: e.target.value })} />
      </label>
      <label>
        {t('scenario.form.type')}
        <select
          value={value.type}
          onChange={(e) => setValue({ ...value, type: e.target.value as FacilityType })}
        >
          {FACILITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`facility.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scenario.form.area')}
        <input
          type="number"
          min={1}
          value={value.floorAreaM2}
          onChange={(e) => num('floorAreaM2')(e.target.value)}
        />
      </label>
      <label>
        {t('scenario.form.beds')}
        <input
          type="number"
          min={0}
          value={value.beds}
          onChange={(e) => num('beds')(e.target.value)}
        />
      </label>
      <label>
        {t('scenario.form.floor')}
        <input
          type="number"
          min={1}
          value={value.floorLevel}
          onChange={(e) => num('floorLevel')(e.target.value)}
        />
      </label>
      <div className="scenario-row">
        <button type="submit" disabled={!valid} data-testid="scenario-form-submit">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('scenario.cancel')}
        </button>
      </div>
    </form>
  );
}
