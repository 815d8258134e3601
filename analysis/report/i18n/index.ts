import type { ReportLang } from '../types.ts';
import { en } from './en.ts';
import { type Catalogue, zh } from './zh.ts';

export type { Catalogue };

/** One catalogue per language; Chinese is the default. */
export function catalogue(lang: ReportLang): Catalogue {
  return lang === 'en' ? en : zh;
}
