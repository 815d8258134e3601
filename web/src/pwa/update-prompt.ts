import { type Catalogue, type MessageKey, translate } from '../i18n/catalogue.ts';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';

/**
 * The prompt shown when a new version of the app is waiting. Plain DOM on its own node so that
 * it does not depend on the React tree (it may appear before or after the app mounts). It speaks
 * the language the app shows at that moment (the I18nProvider keeps <html lang> current).
 */
export function showUpdatePrompt(onReload: () => void): void {
  if (document.querySelector('[data-testid="pwa-update"]') !== null) return;
  const catalogue: Catalogue = document.documentElement.lang === 'en' ? en : zhCN;
  const t = (key: MessageKey) => translate(catalogue, key);
  const box = document.createElement('div');
  box.dataset.testid = 'pwa-update';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-live', 'polite');
  Object.assign(box.style, {
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    zIndex: '10000',
    maxWidth: '360px',
    padding: '12px 14px',
    background: 'var(--panel, #fff)',
    color: 'var(--ink, #1f2933)',
    border: '1px solid var(--line, #e1e5ea)',
    borderRadius: '8px',
    boxShadow: '0 4px 16px rgba(0, 0, 0, 0.18)',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
  });
  const text = document.createElement('p');
  text.style.margin = '0';
  text.textContent = t('pwa.updateReady');
  const buttons = document.createElement('div');
  Object.assign(buttons.style, { display: 'flex', gap: '8px', justifyContent: 'flex-end' });
  const later = button(t('pwa.later'), 'pwa-later', false);
  later.addEventListener('click', () => box.remove());
  const reload = button(t('pwa.reload'), 'pwa-reload', true);
  reload.addEventListener('click', () => {
    reload.disabled = true;
    onReload();
  });
  buttons.append(later, reload);
  box.append(text, buttons);
  document.body.append(box);
}

function button(label: string, testId: string, primary: boolean): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.dataset.testid = testId;
  Object.assign(element.style, {
    padding: '4px 12px',
    borderRadius: '4px',
    cursor: 'pointer',
    border: '1px solid var(--brand, #0b5f8a)',
    background: primary ? 'var(--brand, #0b5f8a)' : 'transparent',
    color: primary ? '#fff' : 'var(--brand, #0b5f8a)',
  });
  return element;
}
