import { useCallback, useMemo, useState } from 'react';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';

/** A long-running step shown in the progress list; labels are catalogue keys (re-translated on language switch). */
export interface Task {
  id: string;
  label: MessageKey;
  /** Rendered at display time so it follows the language switch. */
  detail?: (i18n: I18n) => string;
  /** 0..1, or undefined while the size of the work is unknown. */
  fraction?: number;
}

export interface TaskList {
  tasks: Task[];
  update(task: Task): void;
  finish(id: string): void;
}

export function useTasks(): TaskList {
  const [tasks, setTasks] = useState<Task[]>([]);
  const update = useCallback((task: Task) => {
    setTasks((list) => {
      const index = list.findIndex((t) => t.id === task.id);
      if (index < 0) return [...list, task];
      const next = [...list];
      next[index] = task;
      return next;
    });
  }, []);
  const finish = useCallback((id: string) => {
    setTasks((list) => list.filter((t) => t.id !== id));
  }, []);
  return useMemo(() => ({ tasks, update, finish }), [tasks, update, finish]);
}
