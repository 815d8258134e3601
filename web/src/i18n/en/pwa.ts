import type { pwaZh } from '../zh-CN/pwa.ts';

/** Offline app: the prompt shown when a new version has been downloaded (English). */
export const pwaEn: Record<keyof typeof pwaZh, string> = {
  'pwa.updateReady':
    'A new version has been downloaded. This page keeps the current version until you reload.',
  'pwa.reload': 'Reload',
  'pwa.later': 'Later',
};
