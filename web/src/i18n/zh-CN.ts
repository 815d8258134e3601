import { analysisZh } from './zh-CN/analysis.ts';
import { appZh } from './zh-CN/app.ts';
import { importZh } from './zh-CN/import.ts';
import { importProgressZh } from './zh-CN/import-progress.ts';
import { networkEditsZh } from './zh-CN/network-edits.ts';
import { osrmZh } from './zh-CN/osrm.ts';
import { pwaZh } from './zh-CN/pwa.ts';
import { savedWorkZh } from './zh-CN/saved-work.ts';
import { scenarioZh } from './zh-CN/scenario.ts';
import { scenarioProblemsZh } from './zh-CN/scenario-problems.ts';
import { workspaceZh } from './zh-CN/workspace.ts';

/**
 * Simplified Chinese catalogue: the default language and the source of the key set.
 * Every other catalogue must have exactly these keys (checked by the `Catalogue` type).
 * Placeholders are written {name} and filled by `translate`.
 */
export const zhCN = {
  ...appZh,
  ...importZh,
  ...importProgressZh,
  ...analysisZh,
  ...scenarioZh,
  ...scenarioProblemsZh,
  ...savedWorkZh,
  ...workspaceZh,
  ...pwaZh,
  ...networkEditsZh,
  ...osrmZh,
} as const;
