import { del, set } from 'idb-keyval';
import type { I18n } from '../i18n/I18nProvider.tsx';
import { dismiss, type NoticeAction, notify } from './notices.ts';

/** A full browser store (IndexedDB or localStorage) raises QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** What a save holds, for the message shown when it fails. */
export interface SaveSubject {
  /** One notice per subject: a later failure replaces it, a later success clears it. */
  id: string;
  /** What was not saved, e.g. "方案“方案1”等 2 个方案". */
  what: (i18n: I18n) => string;
  /** How to keep it anyway (an export), offered as a button. */
  exportAction?: NoticeAction;
}

/**
 * Saves a value in IndexedDB; a failure is shown to the user (never only logged): a full
 * storage quota says what was not saved and how to export it.
 */
export async function saveOrReport(
  key: string,
  value: unknown,
  subject: SaveSubject,
): Promise<boolean> {
  try {
    if (value === undefined) await del(key);
    else await set(key, value);
    dismiss(`save:${subject.id}`);
    return true;
  } catch (error) {
    const quota = isQuotaError(error);
    const message = error instanceof Error ? error.message : String(error);
    notify({
      id: `save:${subject.id}`,
      level: 'error',
      testId: quota ? 'notice-quota' : 'notice-save-failed',
      text: (i18n) =>
        quota
          ? i18n.t('save.quota', { what: subject.what(i18n) })
          : i18n.t('save.failed', { what: subject.what(i18n) }),
      detail: (i18n) =>
        subject.exportAction === undefined
          ? i18n.t(quota ? 'save.quotaHintNoExport' : 'save.failedHint', { message })
          : i18n.t(quota ? 'save.quotaHint' : 'save.failedHintExport', {
              action: subject.exportAction.label(i18n),
              message,
            }),
      ...(subject.exportAction === undefined ? {} : { actions: [subject.exportAction] }),
    });
    return false;
  }
}
