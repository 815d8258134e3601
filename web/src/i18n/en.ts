import type { Catalogue } from './catalogue.ts';
import { analysisEn } from './en/analysis.ts';
import { appEn } from './en/app.ts';
import { importEn } from './en/import.ts';
import { importProgressEn } from './en/import-progress.ts';
import { networkEditsEn } from './en/network-edits.ts';
import { osrmEn } from './en/osrm.ts';
import { pwaEn } from './en/pwa.ts';
import { savedWorkEn } from './en/saved-work.ts';
import { scenarioEn } from './en/scenario.ts';
import { scenarioProblemsEn } from './en/scenario-problems.ts';
import { workspaceEn } from './en/workspace.ts';

/** English catalogue, split by the same areas as zh-CN; the key set is the Chinese one (type). */
export const en: Catalogue = {
  ...appEn,
  ...importEn,
  ...importProgressEn,
  ...analysisEn,
  ...scenarioEn,
  ...scenarioProblemsEn,
  ...savedWorkEn,
  ...workspaceEn,
  ...pwaEn,
  ...networkEditsEn,
  ...osrmEn,
};
