import type { zhCN } from './zh-CN.ts';

export type MessageKey = keyof typeof zhCN;
/** A catalogue maps every key of the default (Chinese) catalogue to a string. */
export type Catalogue = Record<MessageKey, string>;
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type MessageParams = Record<string, string | number>;

/** Fills {name} placeholders; a missing parameter is left visible so the gap shows in the UI. */
export function translate(catalogue: Catalogue, key: MessageKey, params?: MessageParams): string {
  const text = catalogue[key];
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
