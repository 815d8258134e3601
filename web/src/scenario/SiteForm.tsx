import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { FacilityType } from '../../../analysis/city/types.ts';
import { AREA_MAX_M2, BEDS_MAX, FLOOR_RANGE } from '../../../analysis/io/import/reasons.ts';
import { FACILITY_TYPES } from '../../../analysis/siting/scenario-types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface SiteFormValue {
  name: string;
  type: FacilityType;
  floorAreaM2: number;
  beds: number;
  floorLevel: number;
}

/**
 * The small form of a site drawn on the map (or of a resize): name, type, floor area, beds,
 * floor; each field says what is wrong under it as the user types (antd Form rules).
 */
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
  const [form] = Form.useForm<SiteFormValue>();
  const required = { required: true, message: t('form.required') };
  // The bounds a register row and a scenario file are held to.
  const range = (min: number, max: number) => ({
    type: 'number' as const,
    min,
    max,
    message: t('form.range', { min: min.toLocaleString(), max: max.toLocaleString() }),
  });
  return (
    <Form
      form={form}
      className="scenario-form"
      data-testid="scenario-site-form"
      layout="horizontal"
      size="small"
      labelCol={{ span: 9 }}
      wrapperCol={{ span: 15 }}
      initialValues={initial}
      onFinish={(value) => onSubmit({ ...initial, ...value })}
    >
      <Form.Item label={t('scenario.form.name')} name="name" rules={[required]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('scenario.form.type')} name="type" rules={[required]}>
        <Select
          options={FACILITY_TYPES.map((type) => ({ value: type, label: t(`facility.${type}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('scenario.form.area')}
        name="floorAreaM2"
        rules={[required, range(1, AREA_MAX_M2)]}
      >
        <InputNumber controls={false} min={1} addonAfter="m²" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('scenario.form.beds')} name="beds" rules={[required, range(0, BEDS_MAX)]}>
        <InputNumber controls={false} min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('scenario.form.floor')}
        name="floorLevel"
        rules={[required, range(FLOOR_RANGE[0], FLOOR_RANGE[1])]}
      >
        <InputNumber controls={false} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="scenario-form-submit">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('scenario.cancel')}</Button>
      </Space>
    </Form>
  );
}
