import { describeNetworkModification } from '../../../analysis/siting/scenario-network.ts';
import type { Modification } from '../../../analysis/siting/scenario-types.ts';
import { type I18n, useI18n } from '../i18n/I18nProvider.tsx';

/** One line per modification, in order (the scenario is replayed in this order). */
export function describeModification(
  m: Modification,
  { t, locale }: Pick<I18n, 't' | 'locale'>,
): string {
  switch (m.kind) {
    case 'add-site':
      return t('scenario.mod.add', {
        name: m.name,
        type: t(`facility.${m.type}`),
        area: m.floorAreaM2,
      });
    case 'move-site':
      return t('scenario.mod.move', { id: m.id });
    case 'resize-site':
      return t('scenario.mod.resize', { id: m.id, area: m.floorAreaM2, beds: m.beds });
    case 'retype-site':
      return t('scenario.mod.retype', { id: m.id, type: t(`facility.${m.type}`) });
    case 'close-site':
      return t('scenario.mod.close', { id: m.id });
    case 'set-walking-speed':
      return t('scenario.mod.speed', { mps: m.mps });
    case 'set-profile':
      return t('scenario.mod.profile', { profile: m.profile });
    case 'set-travel-profile':
      return t('scenario.mod.travel', { travel: t(`travel.${m.travel}`) });
    case 'add-link':
    case 'close-link':
    case 'set-barrier':
      return describeNetworkModification(m, locale === 'en' ? 'en' : 'zh');
  }
}

export function ModificationList({
  modifications,
  onUndo,
}: {
  modifications: readonly Modification[];
  onUndo(): void;
}) {
  const i18n = useI18n();
  return (
    <section className="scenario-section">
      <div className="scenario-row">
        <h4>{i18n.t('scenario.mods.heading', { n: modifications.length })}</h4>
        <button
          type="button"
          onClick={onUndo}
          disabled={modifications.length === 0}
          data-testid="scenario-undo"
        >
          {i18n.t('scenario.undo')}
        </button>
      </div>
      {modifications.length === 0 ? (
        <p className="scenario-muted">{i18n.t('scenario.mods.empty')}</p>
      ) : (
        <ol className="scenario-mods" data-testid="scenario-mods">
          {modifications.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is ordered and append-only
            <li key={i}>{describeModification(m, i18n)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
