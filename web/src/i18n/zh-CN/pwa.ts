/** Offline app: the prompt shown when a new version has been downloaded (Simplified Chinese). */
export const pwaZh = {
  'pwa.updateReady': '新版本已下载。当前页面继续使用原版本，重新加载后切换到新版本。',
  'pwa.reload': '重新加载',
  'pwa.later': '稍后',
} as const;
