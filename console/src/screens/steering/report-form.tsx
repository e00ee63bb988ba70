import { type ChangeEvent, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem } from '../../api/client';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  attachmentUrl,
  loadTasks,
  loadUnits,
  type Report,
  type Task,
  uploadAttachment,
} from '../../api/steering';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { SteeringTabs } from '../../components/steering-tabs';
import { useDraft } from '../../lib/draft';
import { formatDate, formatDateTime } from '../../lib/format';
import { navigate, pathOf, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { PERIOD, periodSpan, quarterOf, recentQuarters } from '../../lib/steering-period';
import { problemOf, useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

const ReviewQueue = lazy(() => import('./report-review'));

interface Evidence {
  readonly id: string;
  readonly name: string;
}
interface ItemDraft {
  readonly progress: string;
  readonly narrative: string;
  readonly evidence: readonly Evidence[];
}
interface ReportDraft {
  readonly narrative: string;
  readonly items: Readonly<Record<string, ItemDraft>>;
}

/** Whether a task is in play during a period: started by its end, not cancelled, open or due after it began. */
function inPlay(task: Task, start: string, end: string): boolean {
  return (
    task.startDate <= end &&
    task.status !== 'cancelled' &&
    (task.status !== 'completed' || task.deadline >= start)
  );
}

function ReportForm({
  unitId,
  period,
  tasks,
  report,
  onSaved,
}: {
  readonly unitId: string;
  readonly period: string;
  readonly tasks: readonly Task[];
  readonly report: Report | undefined;
  readonly onSaved: (done: 'saved' | 'submitted') => void;
}) {
  const { t } = useTranslation();
  const initial = useMemo<ReportDraft>(
    () => ({
      narrative: report?.narrative ?? '',
      items: Object.fromEntries(
        tasks.map((task) => {
          const item = report?.items.find((i) => i.taskId === task.id);
          return [
            task.id,
            {
              progress: String(item?.progress ?? task.progress),
              narrative: item?.narrative ?? '',
              evidence: (item?.evidenceIds ?? []).map((id, n) => ({
                id,
                name: t('steering.report.evidenceN', { n: n + 1 }),
              })),
            },
          ];
        }),
      ),
    }),
    [report, tasks, t],
  );
  // One draft per report state, so a submitted or returned report starts from what the server holds.
  const [draft, update] = useDraft<ReportDraft>(
    `steering-report:${unitId}:${period}:${report?.id ?? 'new'}:${report?.status ?? 'none'}`,
    initial,
  );
  const { errors, problem, busy, submit } = useSubmit<Report>();
  const [uploading, setUploading] = useState<string>();
  const [uploadErrors, setUploadErrors] = useState<Record<string, string>>({});
  const editable = !report || report.status === 'draft' || report.status === 'returned';
  const itemOf = (taskId: string): ItemDraft =>
    draft.items[taskId] ?? { progress: '0', narrative: '', evidence: [] };
  const setItem = (taskId: string, next: Partial<ItemDraft>) =>
    update({ items: { ...draft.items, [taskId]: { ...itemOf(taskId), ...next } } });

  // Field problems of a line, from the form's own checks or the API's `/items/{i}/…` pointers.
  const itemError = (index: number, field: string): string | undefined => {
    const own = errors[`/items/${index}/${field}`];
    if (own) return own;
    const found = problem?.errors?.filter((e) => e.pointer.startsWith(`/items/${index}/${field}`));
    return found && found.length > 0 ? found.map((e) => e.detail).join('; ') : undefined;
  };

  const body = () => ({
    narrative: draft.narrative,
    items: tasks.map((task) => {
      const item = itemOf(task.id);
      return {
        taskId: task.id,
        progress: Number(item.progress),
        ...(item.narrative.trim() ? { narrative: item.narrative.trim() } : {}),
        ...(item.evidence.length ? { evidenceIds: item.evidence.map((e) => e.id) } : {}),
      };
    }),
  });
  const validate = () => {
    const found: Record<string, string> = {};
    tasks.forEach((task, index) => {
      const item = itemOf(task.id);
      if (!/^\d{1,3}$/.test(item.progress.trim()) || Number(item.progress) > 100)
        found[`/items/${index}/progress`] = t('validation.progress');
      if (item.narrative.length > 5000)
        found[`/items/${index}/narrative`] = t('validation.tooLong', { max: 5000 });
    });
    if (draft.narrative.length > 20000) found['/narrative'] = t('validation.tooLong', { max: 20000 });
    return found;
  };
  const save = () =>
    report
      ? api<Report>(`/steering/reports/${encodeURIComponent(report.id)}`, { method: 'PATCH', body: body() })
      : api<Report>('/steering/reports', { method: 'POST', body: { unitId, period, ...body() } });
  const send = async (event: { preventDefault: () => void }, andSubmit: boolean) => {
    event.preventDefault();
    const result = await submit(validate, async () => {
      const saved = await save();
      return andSubmit
        ? api<Report>(`/steering/reports/${encodeURIComponent(saved.id)}/submit`, { method: 'POST' })
        : saved;
    });
    if (result) onSaved(andSubmit ? 'submitted' : 'saved');
  };
  const attach = async (taskId: string, event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    const fail = (message: string) => setUploadErrors((old) => ({ ...old, [taskId]: message }));
    if (!ATTACHMENT_TYPES[extension]) return fail(t('steering.report.evidenceType'));
    if (file.size > ATTACHMENT_MAX_BYTES) return fail(t('steering.report.evidenceSize'));
    setUploading(taskId);
    setUploadErrors((old) => ({ ...old, [taskId]: '' }));
    try {
      const attachment = await uploadAttachment(file, unitId);
      setItem(taskId, {
        evidence: [...itemOf(taskId).evidence, { id: attachment.id, name: attachment.fileName }],
      });
    } catch (error) {
      const p: Problem = problemOf(error);
      fail(p.detail ?? t(`problem.${p.code}`, { defaultValue: t('problem.unexpected') }));
    } finally {
      setUploading(undefined);
    }
  };

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

function ReportEditor({ unitId }: { readonly unitId: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const today = useLoad(() => loadUnits().then((u) => u.asOf), []);
  const asked = search.get('period');
  const period = asked && PERIOD.test(asked) ? asked : today.data ? quarterOf(today.data) : undefined;
  const loaded = useLoad(async () => {
    if (!period) return undefined;
    const { start, end } = periodSpan(period);
    const [atStart, atEnd, tasks, reports] = await Promise.all([
      loadUnits(start),
      loadUnits(end),
      loadTasks({ leadUnitId: unitId }),
      api<{ items: Report[] }>('/steering/reports', { query: { unitId, period } }),
    ]);
    const unit = [...atStart.items, ...atEnd.items].find((u) => u.id === unitId);
    const report = reports.items[0];
    const reported = new Set(report?.items.map((i) => i.taskId));
    return {
      unit,
      report,
      tasks: tasks.filter((task) => reported.has(task.id) || inPlay(task, start, end)),
    };
  }, [unitId, period]);
  // Kept here: saving reloads the report, and a new state remounts the form.
  const [done, setDone] = useState<'saved' | 'submitted'>();
  const unitName = loaded.data?.unit?.name ?? unitId;
  const quarters = today.data ? recentQuarters(today.data, 8) : [];
  return (
    <Page title={t('steering.report.titleFor', { unit: unitName })}>
      <SteeringTabs />
      <div className="table-toolbar">
        <label>
          {t('steering.period')}{' '}
          <select
            name="period"
            value={period ?? ''}
            onChange={(e) => {
              setDone(undefined);
              navigate(`${pathOf('/steering-report', unitId)}?period=${e.target.value}`, { replace: true });
            }}
          >
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProblemAlert problem={today.problem ?? loaded.problem} />
      {done && (
        <p className="alert success" role="status">
          {done === 'submitted' ? t('steering.report.submitted') : t('steering.report.saved')}
        </p>
      )}
      {loaded.data && !loaded.data.unit && (
        <p className="alert info">{t('steering.report.unitNotInPeriod', { unit: unitId, period })}</p>
      )}
      {loaded.data?.unit && period && (
        <ReportForm
          key={`${unitId}:${period}:${loaded.data.report?.id ?? ''}:${loaded.data.report?.status ?? ''}`}
          unitId={unitId}
          period={period}
          tasks={loaded.data.tasks}
          report={loaded.data.report}
          onSaved={(kind) => {
            setDone(kind);
            loaded.reload();
          }}
        />
      )}
    </Page>
  );
}

function SecretariatDesk() {
  const { t } = useTranslation();
  const units = useLoad(() => loadUnits(), []);
  const [unit, setUnit] = useState('');
  return (
    <Page title={t('steering.report.deskTitle')}>
      <SteeringTabs />
      <ProblemAlert problem={units.problem} />
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <ReviewQueue names={new Map((units.data?.items ?? []).map((u) => [u.id, u.name]))} />
      </Suspense>
      <form
        className="panel"
        aria-labelledby="open-unit-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (unit) navigate(pathOf('/steering-report', unit));
        }}
      >
        <h2 id="open-unit-title">{t('steering.report.openUnit')}</h2>
        <div className="form-row">
          <Field label={t('steering.unit')}>
            {(c) => (
              <select {...c} name="unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                <option value="">{t('steering.task.chooseUnit')}</option>
                {(units.data?.items ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.id})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" disabled={!unit}>
          {t('steering.report.openForm')}
        </button>
      </form>
    </Page>
  );
}

/**
 * `/steering-report[/{unit}]`: a unit reporter fills, saves and submits its own unit's report for a
 * period; the secretariat reviews the submitted ones. Another unit's form is refused, as the API does.
 */
export default function SteeringReportPage({ rest }: { readonly rest: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const secretariat = session.mayEverywhere('steering.report');
  const own = session.user.roles.filter((r) => r.role === 'unit-reporter' && r.scope).map((r) => r.scope!);
  const unitId = decodeURIComponent(rest);
  if (unitId) {
    if (!secretariat && !own.includes(unitId))
      return (
        <Page title={t('app.forbiddenTitle')}>
          <p data-testid="report-forbidden">{t('steering.report.forbidden', { unit: unitId })}</p>
          {own.map((u) => (
            <p key={u}>
              <Link to={pathOf('/steering-report', u)}>{t('steering.report.ownForm', { unit: u })}</Link>
            </p>
          ))}
        </Page>
      );
    return <ReportEditor key={unitId} unitId={unitId} />;
  }
  if (secretariat) return <SecretariatDesk />;
  if (own.length === 1) return <ReportEditor unitId={own[0]!} />;
  return (
    <Page title={t('nav.steeringReport')}>
      <SteeringTabs />
      <ul className="plain">
        {own.map((u) => (
          <li key={u}>
            <Link to={pathOf('/steering-report', u)}>{t('steering.report.ownForm', { unit: u })}</Link>
          </li>
        ))}
      </ul>
      {own.length === 0 && <p className="muted">{t('steering.report.noUnit')}</p>}
    </Page>
  );
}
