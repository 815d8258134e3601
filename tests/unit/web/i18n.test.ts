import { describe, expect, it } from 'vitest';
import { translate } from '../../../web/src/i18n/catalogue.ts';
import { en } from '../../../web/src/i18n/en.ts';
import { zhCN } from '../../../web/src/i18n/zh-CN.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have the same keys, no empty strings and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, zh] of Object.entries(zhCN)) {
      const english = en[key as keyof typeof zhCN];
      expect(zh.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });

  it('are really translated (the English one has no Han characters outside names)', () => {
    const allowed = new Set(['lang.switch']);
    for (const [key, text] of Object.entries(en)) {
      if (!allowed.has(key)) expect(text, key).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(zhCN, 'cards.facilitiesTotal', { n: 34 })).toBe('共 34 处');
    expect(translate(en, 'task.loadCityDetail', { done: 2 })).toBe('2/{total} files');
  });
});
