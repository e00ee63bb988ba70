/** The state of a unit's report form: the draft kept in sessionStorage, its checks, saving, submitting and evidence uploads. */
import { type ChangeEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem } from '../../api/client';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  type Report,
  type Task,
  uploadAttachment,
} from '../../api/steering';
import { useDraft } from '../../lib/draft';
import { problemOf } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

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

/** What the report form is for: a unit, a period, the tasks in play and the report so far. */
export interface ReportDraftProps {
  readonly unitId: string;
  readonly period: string;
  readonly tasks: readonly Task[];
  readonly report: Report | undefined;
  readonly onSaved: (done: 'saved' | 'submitted') => void;
}

/** The report form's draft and actions. */
export function useReportDraft({ unitId, period, tasks, report, onSaved }: ReportDraftProps) {
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

  return {
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
  };
}
