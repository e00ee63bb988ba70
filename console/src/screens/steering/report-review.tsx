import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { attachmentUrl, loadTasks, type Report } from '../../api/steering';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

function Review({
  report,
  unitName,
  onDecided,
}: {
  readonly report: Report;
  readonly unitName: string;
  readonly onDecided: (message: string) => void;
}) {
  const { t } = useTranslation();
  const tasks = useLoad(() => loadTasks({ leadUnitId: report.unitId }), [report.unitId]);
  const [comment, setComment] = useState('');
  const accept = useSubmit<Report>();
  const giveBack = useSubmit<Report>();
  const path = `/steering/reports/${encodeURIComponent(report.id)}`;
  const onAccept = async () => {
    const done = await accept.submit(
      () => ({}),
      () => api<Report>(`${path}/accept`, { method: 'POST' }),
    );
    if (done) onDecided(t('steering.review.accepted', { unit: unitName, period: report.period }));
  };
  const onReturn = async (event: FormEvent) => {
    event.preventDefault();
    const done = await giveBack.submit(
      (): Record<string, string> => (comment.trim() ? {} : { '/comment': t('validation.required') }),
      () => api<Report>(`${path}/return`, { method: 'POST', body: { comment: comment.trim() } }),
    );
    if (done) onDecided(t('steering.review.returned', { unit: unitName, period: report.period }));
  };
  const titleId = `review-${report.id}`;
  return (
    <section className="review" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('steering.review.title', { unit: unitName, period: report.period })}</h3>
      <p className="pre-line">
        {report.narrative || <span className="muted">{t('steering.review.noNarrative')}</span>}
      </p>
      <table className="compact">
        <caption className="visually-hidden">{t('steering.review.items')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('steering.task.code')}</th>
            <th scope="col">{t('steering.review.now')}</th>
            <th scope="col">{t('steering.review.reported')}</th>
            <th scope="col">{t('steering.report.itemNarrative')}</th>
            <th scope="col">{t('steering.report.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {report.items.map((item) => {
            const task = tasks.data?.find((x) => x.id === item.taskId);
            return (
              <tr key={item.taskId}>
                <th scope="row">{task ? `${task.code} — ${task.title}` : item.taskId}</th>
                <td>
                  {task && (
                    <ProgressBar
                      value={task.progress}
                      label={t('steering.task.progressOf', { code: task.code })}
                    />
                  )}
                </td>
                <td>
                  <ProgressBar
                    value={item.progress}
                    label={t('steering.review.reportedOf', { code: task?.code ?? item.taskId })}
                  />
                </td>
                <td className="pre-line">{item.narrative ?? '—'}</td>
                <td>
                  {item.evidenceIds.map((id, n) => (
                    <a key={id} href={attachmentUrl(id)} className="evidence-link">
                      {t('steering.report.evidenceN', { n: n + 1 })}
                      <span className="visually-hidden"> {task?.code}</span>
                    </a>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ProblemAlert problem={accept.problem ?? giveBack.problem} />
      <div className="buttons">
        <button type="button" disabled={accept.busy || giveBack.busy} onClick={() => void onAccept()}>
          {t('steering.review.accept')}
          <span className="visually-hidden"> {unitName}</span>
        </button>
      </div>
      <form onSubmit={onReturn} noValidate aria-label={t('steering.review.returnForm', { unit: unitName })}>
        <Field label={t('steering.review.comment')} error={giveBack.errors['/comment']} required>
          {(c) => (
            <textarea
              {...c}
              name="comment"
              className="limited"
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="danger" disabled={accept.busy || giveBack.busy}>
          {t('steering.review.return')}
          <span className="visually-hidden"> {unitName}</span>
        </button>
      </form>
    </section>
  );
}

/** The secretariat's queue of submitted reports, each opened to accept it or return it with a comment. */
export default function ReviewQueue({ names }: { readonly names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const queue = useLoad(
    () =>
      api<{ items: Report[] }>('/steering/reports', { query: { status: 'submitted' } }).then((r) => r.items),
    [],
  );
  const [open, setOpen] = useState<string>();
  const [message, setMessage] = useState<string>();
  const name = (id: string) => names.get(id) ?? id;
  const columns = useMemo<Column<Report>[]>(
    () => [
      { id: 'unit', header: t('steering.unit'), value: (r) => names.get(r.unitId) ?? r.unitId },
      { id: 'period', header: t('steering.period'), value: (r) => r.period },
      {
        id: 'submittedAt',
        header: t('steering.review.submittedAt'),
        value: (r) => r.submittedAt,
        cell: (r) => formatDateTime(r.submittedAt),
      },
      {
        id: 'deadline',
        header: t('steering.review.deadline'),
        value: (r) => r.deadline,
        cell: (r) => formatDate(r.deadline),
      },
      {
        id: 'open',
        header: t('common.actions'),
        value: () => null,
        cell: (r) => (
          <button
            type="button"
            className="secondary small"
            aria-expanded={open === r.id}
            aria-controls={open === r.id ? `detail-${r.id}` : undefined}
            onClick={() => setOpen(open === r.id ? undefined : r.id)}
          >
            {open === r.id ? t('steering.review.close') : t('steering.review.open')}
            <span className="visually-hidden">
              {' '}
              {names.get(r.unitId) ?? r.unitId} {r.period}
            </span>
          </button>
        ),
      },
    ],
    [t, names, open],
  );
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('steering.review.queue')}</h2>
      {message && (
        <p className="alert success" role="status">
          {message}
        </p>
      )}
      <ProblemAlert problem={queue.problem} />
      {queue.data && (
        <DataTable
          caption={t('steering.review.queue')}
          rows={queue.data}
          columns={columns}
          rowKey={(r) => r.id}
          exportName="bao-cao-cho-duyet"
          empty={{ what: t('empty.reviewQueue') }}
          detail={(r) =>
            open === r.id ? (
              <Review
                report={r}
                unitName={name(r.unitId)}
                onDecided={(text) => {
                  setMessage(text);
                  setOpen(undefined);
                  queue.reload();
                }}
              />
            ) : null
          }
        />
      )}
    </section>
  );
}
