import { useSyncExternalStore } from 'react';
import type { I18n } from '../i18n/I18nProvider.tsx';

/**
 * Messages about the user's work (what was removed and how to undo it, what could not be saved):
 * one small store any hook can post to, shown by <Notices />. Texts are rendered at display
 * time so they follow the language switch.
 */
export interface NoticeAction {
  label: (i18n: I18n) => string;
  run(): void;
  testId?: string;
}

export interface Notice {
  /** A new notice with the same id replaces the old one. */
  id: string;
  level: 'info' | 'success' | 'warning' | 'error';
  text: (i18n: I18n) => string;
  detail?: (i18n: I18n) => string;
  actions?: NoticeAction[];
  testId?: string;
}

let notices: readonly Notice[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function notify(notice: Notice): void {
  notices = [...notices.filter((n) => n.id !== notice.id), notice];
  emit();
}

export function dismiss(id: string): void {
  if (!notices.some((n) => n.id === id)) return;
  notices = notices.filter((n) => n.id !== id);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(
    subscribe,
    () => notices,
    () => notices,
  );
}
