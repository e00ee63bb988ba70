import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { administeredOrganisations, loadEntry, type SharingRequest } from '../../api/catalog';
import { api } from '../../api/client';
import { loadOrganisations, loadSystemsOf } from '../../api/registry';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { useDraft } from '../../lib/draft';
import { navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import './catalog.css';

interface RequestDraft {
  requester: string;
  clientSystem: string;
  purpose: string;
  legalBasis: string;
  /** One field a line. */
  fieldsNeeded: string;
  durationDays: string;
}

/**
 * The requester's form: which of my systems will call, why, on what legal basis, which fields, for how
 * long. New (`entry` given) it creates and submits; on a request sent back (`request` given) it saves
 * the changes and resubmits.
 */
export function RequestFields({
  entry,
  request,
  onSaved,
}: {
  readonly entry: { readonly id: string; readonly publisher: string };
  readonly request?: SharingRequest;
  readonly onSaved: (saved: SharingRequest) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const mine = administeredOrganisations(session.user.roles);
  const platform = session.mayEverywhere('sharing-request.create');
  const initial = useMemo<RequestDraft>(
    () => ({
      requester: request?.requester ?? mine.find((o) => o !== entry.publisher) ?? mine[0] ?? '',
      clientSystem: request?.clientSystem ?? '',
      purpose: request?.purpose ?? '',
      legalBasis: request?.legalBasis ?? '',
      fieldsNeeded: request?.fieldsNeeded.join('\n') ?? '',
      durationDays: String(request?.durationDays ?? 365),
    }),
    [request, mine, entry.publisher],
  );
  const [draft, update, clear] = useDraft<RequestDraft>(
    `sharing-request:${request?.id ?? entry.id}`,
    initial,
  );
  const { errors, problem, busy, submit } = useSubmit<SharingRequest>();
  const organisations = useLoad(() => (platform ? loadOrganisations() : Promise.resolve([])), [platform]);
  const requesters = platform ? (organisations.data ?? []).map((o) => o.id) : mine;
  const systems = useLoad(
    () => (draft.requester ? loadSystemsOf(draft.requester) : Promise.resolve([])),
    [draft.requester],
  );
  const fields = draft.fieldsNeeded
    .split('\n')
    .map((f) => f.trim())
    .filter(Boolean);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const days = Number(draft.durationDays);
    const saved = await submit(
      () => {
        const found: Record<string, string> = {};
        if (!draft.requester) found['/requester'] = t('validation.required');
        if (!draft.clientSystem) found['/clientSystem'] = t('validation.required');
        if (!draft.purpose.trim()) found['/purpose'] = t('validation.required');
        if (!draft.legalBasis.trim()) found['/legalBasis'] = t('validation.required');
        if (fields.length === 0) found['/fieldsNeeded'] = t('validation.required');
        if (!Number.isInteger(days) || days < 1 || days > 1826)
          found['/durationDays'] = t('sharing.validation.duration');
        return found;
      },
      async () => {
        const body = {
          clientSystem: draft.clientSystem,
          purpose: draft.purpose.trim(),
          legalBasis: draft.legalBasis.trim(),
          fieldsNeeded: fields,
          durationDays: days,
        };
        if (!request)
          return api<SharingRequest>('/catalog/sharing-requests', {
            method: 'POST',
            body: { entry: entry.id, requester: draft.requester, ...body, submit: true },
          });
        const path = `/catalog/sharing-requests/${encodeURIComponent(request.id)}`;
        await api<SharingRequest>(path, { method: 'PATCH', body });
        return api<SharingRequest>(`${path}/submit`, { method: 'POST' });
      },
    );
    if (saved) {
      clear();
      onSaved(saved);
    }
  };
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="request-form-title">
      <h2 id="request-form-title">{request ? t('sharing.editTitle') : t('sharing.newTitle')}</h2>
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('sharing.requester')} error={errors['/requester']} required>
          {(c) => (
            <select
              {...c}
              name="requester"
              value={draft.requester}
              disabled={request !== undefined}
              onChange={(e) => update({ requester: e.target.value, clientSystem: '' })}
            >
              <option value="">—</option>
              {[...new Set([...requesters, draft.requester].filter(Boolean))].map((o) => (
                <option key={o} value={o}>
                  {organisations.data?.find((x) => x.id === o)?.name ?? o}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('sharing.clientSystem')}
          error={errors['/clientSystem']}
          hint={t('sharing.clientSystemHint')}
          required
        >
          {(c) => (
            <select
              {...c}
              name="clientSystem"
              value={draft.clientSystem}
              onChange={(e) => update({ clientSystem: e.target.value })}
            >
              <option value="">—</option>
              {(systems.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.id})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('sharing.purpose')} error={errors['/purpose']} required>
        {(c) => (
          <textarea
            {...c}
            name="purpose"
            rows={3}
            value={draft.purpose}
            onChange={(e) => update({ purpose: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('sharing.legalBasis')}
        error={errors['/legalBasis']}
        hint={t('sharing.legalBasisHint')}
        required
      >
        {(c) => (
          <textarea
            {...c}
            name="legalBasis"
            rows={2}
            value={draft.legalBasis}
            onChange={(e) => update({ legalBasis: e.target.value })}
          />
        )}
      </Field>
      <div className="form-row">
        <Field
          label={t('sharing.fieldsNeeded')}
          error={errors['/fieldsNeeded']}
          hint={t('sharing.fieldsHint')}
          required
        >
          {(c) => (
            <textarea
              {...c}
              name="fieldsNeeded"
              rows={4}
              value={draft.fieldsNeeded}
              onChange={(e) => update({ fieldsNeeded: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('sharing.durationDays')}
          error={errors['/durationDays']}
          hint={t('sharing.durationHint')}
          required
        >
          {(c) => (
            <input
              {...c}
              name="durationDays"
              type="number"
              min={1}
              max={1826}
              inputMode="numeric"
              value={draft.durationDays}
              onChange={(e) => update({ durationDays: e.target.value })}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {request ? t('sharing.resubmit') : t('sharing.submit')}
      </button>
    </form>
  );
}

/** `/sharing-requests/new?entry={id}`: ask for an entry's data service for one of my systems. */
export default function RequestForm() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const entryId = search.get('entry') ?? '';
  const entry = useLoad(() => loadEntry(entryId), [entryId]);
  return (
    <Page title={t('sharing.newTitle')}>
      <ProblemAlert problem={entry.problem} />
      {entry.data && (
        <>
          <p>
            {t('sharing.forEntry')}{' '}
            <Link to={`/catalog/entries/${encodeURIComponent(entry.data.id)}`}>{entry.data.title}</Link> —{' '}
            {entry.data.publisherName}
          </p>
          <RequestFields
            entry={entry.data}
            onSaved={(saved) => navigate(`/sharing-requests/${encodeURIComponent(saved.id)}`)}
          />
        </>
      )}
      {!entry.data && !entry.problem && <p className="muted">{t('common.loading')}</p>}
    </Page>
  );
}
