import { Progress } from 'antd';
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
          <Progress
            className="task-bar"
            size="small"
            // Unknown size: an active bar without a figure rather than a made-up percentage.
            percent={task.fraction === undefined ? 100 : Math.round(task.fraction * 100)}
            status={task.fraction === undefined ? 'active' : 'normal'}
            showInfo={task.fraction !== undefined}
            aria-label={i18n.t(task.label)}
          />
        </div>
      ))}
    </div>
  );
}
