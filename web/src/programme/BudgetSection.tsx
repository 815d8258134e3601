import { Alert, Table } from 'antd';
import { useMemo } from 'react';
import { type BudgetTotals, estimateBudget } from '../../../analysis/programme/budget.ts';
import type { ProgrammeProfile, ProgrammeRegister } from '../../../analysis/programme/types.ts';
import type { SiteFacility } from '../../../analysis/siting/scenario-types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface Row extends BudgetTotals {
  key: string;
}

/**
 * Cost and subsidy per programme year: the investment, the subsidy committed (projects on the
 * year's task list) and paid (accepted projects), and the local share, with the cost assumption.
 */
export function BudgetSection({
  profile,
  register,
}: {
  profile: ProgrammeProfile;
  register: ProgrammeRegister<SiteFacility>;
}) {
  const { t, locale, formatNumber } = useI18n();
  const lang = locale === 'en' ? 'en' : 'zh';
  const budget = useMemo(() => estimateBudget(register, profile), [register, profile]);
  const rows: Row[] = Object.entries(budget.byYear)
    .sort(([a], [b]) => (a === 'unscheduled' ? 1 : b === 'unscheduled' ? -1 : a.localeCompare(b)))
    .map(([year, totals]) => ({ key: year, ...totals }));
  const yuan = (value: number) => t('programme.budget.wan', { n: formatNumber(value / 10_000, 1) });
  const withoutCost = budget.total.sitesWithoutCost;
  return (
    <section className="scenario-section" data-testid="programme-budget">
      <h4>{t('programme.budget.title')}</h4>
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('programme.year'),
            key: 'year',
            render: (_, row) =>
              row.key === 'unscheduled' ? t('programme.budget.unscheduled') : row.key,
          },
          { title: t('programme.budget.sites'), dataIndex: 'sites', align: 'right' },
          {
            title: t('programme.budget.cost'),
            key: 'cost',
            align: 'right',
            render: (_, row) => yuan(row.costYuan),
          },
          {
            title: t('programme.budget.committed'),
            key: 'committed',
            align: 'right',
            render: (_, row) => yuan(row.subsidyCommittedYuan),
          },
          {
            title: t('programme.budget.paid'),
            key: 'paid',
            align: 'right',
            render: (_, row) => yuan(row.subsidyPaidYuan),
          },
          {
            title: t('programme.budget.local'),
            key: 'local',
            align: 'right',
            render: (_, row) => yuan(row.localYuan),
          },
        ]}
        locale={{ emptyText: t('programme.budget.empty') }}
      />
      {withoutCost > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('programme.budget.withoutCost', { n: withoutCost })}
        />
      )}
      <p className="scenario-muted">{budget.costAssumptionText[lang]}</p>
    </section>
  );
}
