import type { CityManifest } from '../../../analysis/city/types.ts';
import type { MessageKey, MessageParams } from '../i18n/catalogue.ts';

/**
 * Catalogue keys for the city builder's warnings (it writes them in English for city.json); a
 * leading number in the warning is its {count}.
 */
const WARNINGS: [RegExp, MessageKey][] = [
  [/^\d+ road segments left out/, 'osmCity.warn.missingNodes'],
  [/^the extract has no buildings/, 'osmCity.warn.noBuildings'],
  [/^no residential buildings found/, 'osmCity.warn.noResidential'],
  [/^no walk network/, 'osmCity.warn.noWalk'],
  [/^no ebike network/, 'osmCity.warn.noEbike'],
  [/^no drive network/, 'osmCity.warn.noDrive'],
  [/^main roads split the area into fewer than 2 blocks/, 'osmCity.warn.h3Units'],
];

/** The key translating a builder warning, or undefined to show it as written. */
export function cityWarningKey(warning: string): MessageKey | undefined {
  return WARNINGS.find(([pattern]) => pattern.test(warning))?.[1];
}

export interface CityNote {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * What the overview says about a city's own data beyond its figures. An extract of car roads
 * only (no footways, paths or living streets) gives a walk graph identical to the e-bike one:
 * walking times are then those of the road network, which the user must know.
 */
export function cityNotes(manifest: Pick<CityManifest, 'networks'>): CityNote[] {
  const { walk, ebike } = manifest.networks;
  const notes: CityNote[] = [];
  if (
    walk !== undefined &&
    ebike !== undefined &&
    walk.nodes > 0 &&
    walk.nodes === ebike.nodes &&
    walk.edges === ebike.edges
  ) {
    notes.push({ key: 'city.note.driveOnly', params: { nodes: walk.nodes, edges: walk.edges } });
  }
  return notes;
}

/** The builder's warnings and the notes, as catalogue entries (untranslatable ones as written). */
export function cityWarningNotes(
  warnings: readonly string[],
  manifest: Pick<CityManifest, 'networks'>,
): (CityNote | { text: string })[] {
  return [
    ...warnings.map((w) => {
      const key = cityWarningKey(w);
      const count = /^\d+/.exec(w)?.[0];
      if (key === undefined) return { text: w };
      return count === undefined ? { key } : { key, params: { count: Number(count) } };
    }),
    ...cityNotes(manifest),
  ];
}
