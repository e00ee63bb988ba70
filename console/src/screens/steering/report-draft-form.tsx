/** The form in which a unit reporter writes, saves and submits its report of a period. */
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from '../../api/steering';
import { Field } from '../../components/field';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { formatDate, formatDateTime } from '../../lib/format';

import { type ReportDraftProps, useReportDraft } from './use-report-draft';

/** A unit's report of a period: the narrative, then each task's progress, narrative and evidence. */
export function ReportForm(props: ReportDraftProps) {
  const { t } = useTranslation();
  const {
    draft,
    update,
    errors,
    problem,
    busy,
    uploading,
    uploadErrors,
    editable,
    itemOf,
    setItem,
    itemError,
    send,
    attach,
  } = useReportDraft(props);
  const { period, tasks, report } = props;
  return (
    <form
      className="panel report-form"
      onSubmit={(e) => send(e, true)}
      noValidate
      aria-labelledby="report-form-title"
    >
      <h2 id="report-form-title">{t('steering.report.formTitle', { period })}</h2>
      <p data-testid="report-status">
        {t('steering.report.status')}:{' '}
        <span className={`badge report-${report?.status ?? 'none'}`}>
          {report ? t(`steering.reportStatus.${report.status}`) : t('steering.report.none')}
        </span>
        {report && ` · ${t('steering.report.deadline', { date: formatDate(report.deadline) })}`}
        {report?.submittedAt &&
          ` · ${t('steering.report.submittedAt', { at: formatDateTime(report.submittedAt) })}`}
      </p>
      {report?.status === 'returned' && report.returnComment && (
        <div className="alert warning" data-testid="return-comment">
          <strong>{t('steering.report.returnedWith')}</strong> {report.returnComment}
        </div>
      )}
      <ProblemAlert problem={problem} />
      <Field
        label={t('steering.report.narrative')}
        error={errors['/narrative']}
        hint={t('steering.report.narrativeHint')}
      >
        {(c) => (
          <textarea
            {...c}
            name="narrative"
            rows={4}
            disabled={!editable}
            value={draft.narrative}
            onChange={(e) => update({ narrative: e.target.value })}
          />
        )}
      </Field>
      {tasks.length === 0 && <p className="muted">{t('steering.report.noTasks')}</p>}
      {tasks.map((task, index) => {
        const item = itemOf(task.id);
        return (
          <fieldset key={task.id} className="report-item" data-task={task.code}>
            <legend>
              {task.code} — {task.title}
            </legend>
            <p className="muted">
              {t('steering.task.deadline')}: {formatDate(task.deadline)} ·{' '}
              {t('steering.report.currentProgress')}{' '}
              <ProgressBar value={task.progress} label={t('steering.task.progressOf', { code: task.code })} />
            </p>
            <div className="form-row">
              <Field
                label={t('steering.report.progress')}
                error={itemError(index, 'progress')}
                hint="0–100"
                required
              >
                {(c) => (
                  <input
                    {...c}
                    name={`progress-${task.code}`}
                    type="number"
                    min={0}
                    max={100}
                    inputMode="numeric"
                    disabled={!editable}
                    value={item.progress}
                    onChange={(e) => setItem(task.id, { progress: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <Field label={t('steering.report.itemNarrative')} error={itemError(index, 'narrative')}>
              {(c) => (
                <textarea
                  {...c}
                  name={`narrative-${task.code}`}
                  rows={2}
                  disabled={!editable}
                  value={item.narrative}
                  onChange={(e) => setItem(task.id, { narrative: e.target.value })}
                />
              )}
            </Field>
            <div className="evidence">
              <span>{t('steering.report.evidence')}:</span>{' '}
              {item.evidence.length === 0 && <span className="muted">{t('steering.report.noEvidence')}</span>}
              <ul className="plain inline">
                {item.evidence.map((e) => (
                  <li key={e.id} className="evidence-item">
                    <a href={attachmentUrl(e.id)} download={e.name}>
                      {e.name}
                    </a>
                    {editable && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          setItem(task.id, { evidence: item.evidence.filter((x) => x.id !== e.id) })
                        }
                      >
                        {t('steering.report.removeEvidence')}
                        <span className="visually-hidden"> {e.name}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              {itemError(index, 'evidenceIds') && (
                <p className="field-error">{itemError(index, 'evidenceIds')}</p>
              )}
            </div>
            {editable && (
              <Field
                label={t('steering.report.attach', { code: task.code })}
                error={uploadErrors[task.id] || undefined}
                hint={t('steering.report.attachHint')}
              >
                {(c) => (
                  <input
                    {...c}
                    name={`evidence-${task.code}`}
                    type="file"
                    accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                    disabled={uploading !== undefined}
                    onChange={(e) => void attach(task.id, e)}
                  />
                )}
              </Field>
            )}
            {uploading === task.id && (
              <p className="muted" role="status">
                {t('steering.report.uploading')}
              </p>
            )}
          </fieldset>
        );
      })}
      {editable && (
        <div className="buttons">
          <button
            type="button"
            className="secondary"
            disabled={busy || uploading !== undefined}
            onClick={(e) => send(e, false)}
          >
            {t('steering.report.saveDraft')}
          </button>
          <button type="submit" disabled={busy || uploading !== undefined}>
            {t('steering.report.submit')}
          </button>
        </div>
      )}
    </form>
  );
}
