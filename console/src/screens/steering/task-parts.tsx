import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/steering';

/** A task's status, with "overdue" or "due soon" beside it when it is. */
export function TaskStatusBadge({ task }: { readonly task: Task }) {
  const { t } = useTranslation();
  return (
    <span className="status-cell">
      <span className={`badge status-${task.status}`}>{t(`steering.taskStatus.${task.status}`)}</span>
      {task.overdue && <span className="badge bad">{t('steering.task.overdue')}</span>}
      {task.dueSoon && <span className="badge warn">{t('steering.task.dueSoon')}</span>}
    </span>
  );
}
