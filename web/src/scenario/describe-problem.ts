import type { ModificationKind } from '../../../analysis/siting/scenario-types.ts';
import type { ScenarioProblem } from '../../../analysis/siting/scenario-validate.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';
import { zhCN } from '../i18n/zh-CN.ts';

const KIND_LABELS: Readonly<Record<string, MessageKey>> = {
  'add-site': 'scenario.kept.kind.add-site',
  'move-site': 'scenario.kept.kind.move-site',
  'resize-site': 'scenario.kept.kind.resize-site',
  'retype-site': 'scenario.kept.kind.retype-site',
  'close-site': 'scenario.kept.kind.close-site',
  'set-walking-speed': 'scenario.kept.kind.set-walking-speed',
  'set-profile': 'scenario.kept.kind.set-profile',
  'set-travel-profile': 'scenario.kept.kind.set-travel-profile',
  'add-link': 'scenario.kept.kind.add-link',
  'close-link': 'scenario.kept.kind.close-link',
  'set-barrier': 'scenario.kept.kind.set-barrier',
} satisfies Record<ModificationKind, MessageKey>;

/** A problem in words: which modification (by position and kind) and why, never an id. */
export function describeProblem(
  problem: ScenarioProblem,
  modifications: readonly unknown[],
  i18n: I18n,
): string {
  const match = /^modifications\[(\d+)\]/.exec(problem.path);
  const index = match === null ? null : Number(match[1]);
  const entry = index === null ? undefined : modifications[index];
  const kind =
    typeof entry === 'object' && entry !== null && 'kind' in entry ? String(entry.kind) : undefined;
  const key = `scenario.problem.${problem.code}`;
  const reason = i18n.t(key in zhCN ? (key as MessageKey) : 'scenario.kept.other');
  if (index === null) return reason;
  return i18n.t('scenario.kept.at', {
    n: index + 1,
    kind: i18n.t(
      (kind === undefined ? undefined : KIND_LABELS[kind]) ?? 'scenario.kept.kind.other',
    ),
    reason,
  });
}
