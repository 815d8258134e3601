import type { Task } from '../app/tasks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * Running tasks with a progress bar each. The list fades in after 200 ms (CSS), so quick steps
 * never flash on screen while slow ones always show.
 */
export function TaskProgress({ tasks }: { tasks: Task[] }) {
  const i18n = useI18n();
  if (tasks.length === 0) return null;
  return (
    <div className="tasks" role="status" aria-live="polite">
      {tasks.map((task) => (
        <div key={task.id} className="task">
          <div className="task-label">
            <span>{i18n.t(task.label)}</span>
            {task.detail && <span className="task-detail">{task.detail(i18n)}</span>}
          </div>
          <progress
            className="task-bar"
            max={1}
            value={task.fraction}
            aria-label={i18n.t(task.label)}
          />
        </div>
      ))}
    </div>
  );
}
