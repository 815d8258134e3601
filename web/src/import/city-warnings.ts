import type { MessageKey } from '../i18n/catalogue.ts';

/** Catalogue keys for the city builder's warnings (it writes them in English for city.json). */
const WARNINGS: [RegExp, MessageKey][] = [
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
