import type { PopulationTotals } from '../../../analysis/city/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface StatCardProps {
  label: string;
  value: string;
  note?: string;
  accent?: boolean;
  testId?: string;
}

function StatCard({ label, value, note, accent, testId }: StatCardProps) {
  return (
    <div className={accent ? 'stat stat-accent' : 'stat'} data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {note && <div className="stat-note">{note}</div>}
    </div>
  );
}

/** Population totals of the city, as modelled by the city builder (see the city's METHOD.md). */
export function SummaryCards({ totals }: { totals: PopulationTotals | null }) {
  const { t, formatNumber, formatPercent } = useI18n();
  if (totals === null) return <p className="panel-note">{t('cards.populationMissing')}</p>;
  const share = (n: number) =>
    totals.residents > 0
      ? t('cards.shareOfResidents', { share: formatPercent(n / totals.residents) })
      : undefined;
  return (
    <div className="stat-grid">
      <StatCard
        label={t('cards.residents')}
        value={formatNumber(totals.residents)}
        testId="card-residents"
      />
      <StatCard
        label={t('cards.elders60')}
        value={formatNumber(totals.elders60)}
        note={share(totals.elders60)}
        accent
        testId="card-elders60"
      />
      <StatCard
        label={t('cards.elders65')}
        value={formatNumber(totals.elders65)}
        note={share(totals.elders65)}
      />
      <StatCard
        label={t('cards.elders80')}
        value={formatNumber(totals.elders80)}
        note={share(totals.elders80)}
      />
    </div>
  );
}
