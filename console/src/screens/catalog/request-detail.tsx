import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEntry, loadRequest, type SharingRequest } from '../../api/catalog';
import { api } from '../../api/client';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import { actorLabel } from './catalog-labels';
import { ApproveForm, ReasonForm } from './request-decisions';
import { RequestFields } from './request-form';
import { RequestState } from './request-state';
import './catalog.css';

const AWAITING = new Set(['submitted', 'resubmitted']);

function Messages({ request, onSent }: { readonly request: SharingRequest; readonly onSent: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [body, setBody] = useState('');
  const { errors, problem, busy, submit } = useSubmit<SharingRequest>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit(
      (): Record<string, string> => (body.trim() ? {} : { '/body': t('validation.required') }),
      () =>
        api<SharingRequest>(`/catalog/sharing-requests/${encodeURIComponent(request.id)}/messages`, {
          method: 'POST',
          body: { body: body.trim() },
        }),
    );
    if (done) {
      setBody('');
      onSent();
    }
  };
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t('sharing.messages')}</h2>
      <ol className="messages">
        {(request.messages ?? []).map((m) => (
          <li key={m.id}>
            <span className="meta">
              {formatDateTime(m.at)} · {actorLabel(t, m.author, session.user.id)} ·{' '}
              {t(`sharing.kind.${m.kind}`, m.kind)}
            </span>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={send} noValidate aria-labelledby="message-form-title">
        <h3 id="message-form-title">{t('sharing.addMessage')}</h3>
        <ProblemAlert problem={problem} />
        <Field label={t('sharing.message')} error={errors['/body']}>
          {(c) => (
            <textarea {...c} name="message" rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="secondary" disabled={busy}>
          {t('sharing.send')}
        </button>
      </form>
    </section>
  );
}

/** `/sharing-requests/{id}`: the request, its messages, and the steps its state allows each party. */
export default function RequestDetail({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(() => loadRequest(id), [id]);
  const [done, setDone] = useState('');
  const request = loaded.data;
  const entry = useLoad(
    () => (request ? loadEntry(request.entry) : Promise.resolve(undefined)),
    [request?.entry],
  );
  if (!request)
    return (
      <Page title={t('nav.sharingRequests')}>
        <ProblemAlert problem={loaded.problem} />
        {!loaded.problem && <p className="muted">{t('common.loading')}</p>}
      </Page>
    );
  const owner = session.may('sharing-request.approve', request.owner);
  const requester = session.may('sharing-request.create', request.requester);
  const after = (message: string) => () => {
    setDone(message);
    loaded.reload();
  };
  return (
    <Page title={t('sharing.detailTitle', { title: request.entryTitle })}>
      <p>
        <Link to="/sharing-requests">{t('sharing.backToQueues')}</Link>
      </p>
      {done && (
        <p className="alert success" role="status">
          {done}
        </p>
      )}
      <dl className="facts" data-testid="request-facts">
        <dt>{t('sharing.stateLabel')}</dt>
        <dd>
          <RequestState request={request} />
        </dd>
        <dt>{t('sharing.entry')}</dt>
        <dd>
          <Link to={`/catalog/entries/${encodeURIComponent(request.entry)}`}>{request.entryTitle}</Link>
        </dd>
        <dt>{t('sharing.owner')}</dt>
        <dd>
          <code>{request.owner}</code>
        </dd>
        <dt>{t('sharing.requester')}</dt>
        <dd>
          <code>{request.requester}</code>
        </dd>
        <dt>{t('sharing.clientSystem')}</dt>
        <dd>{request.clientSystem ? <code>{request.clientSystem}</code> : '—'}</dd>
        <dt>{t('sharing.purpose')}</dt>
        <dd className="wrap">{request.purpose}</dd>
        <dt>{t('sharing.legalBasis')}</dt>
        <dd className="wrap">{request.legalBasis}</dd>
        <dt>{t('sharing.fieldsNeeded')}</dt>
        <dd>{request.fieldsNeeded.join(', ')}</dd>
        <dt>{t('sharing.durationDays')}</dt>
        <dd>{t('sharing.days', { count: request.durationDays })}</dd>
        <dt>{t('sharing.submittedAt')}</dt>
        <dd>{formatDateTime(request.submittedAt) || '—'}</dd>
        <dt>{t('sharing.dueDate')}</dt>
        <dd>{formatDate(request.dueDate) || '—'}</dd>
        {request.decidedAt && (
          <>
            <dt>{t('sharing.decidedAt')}</dt>
            <dd>{formatDateTime(request.decidedAt)}</dd>
          </>
        )}
        {request.decisionReason && (
          <>
            <dt>{t('sharing.decisionReason')}</dt>
            <dd className="wrap">{request.decisionReason}</dd>
          </>
        )}
        {request.decisionLegalBasis && (
          <>
            <dt>{t('sharing.decisionLegalBasis')}</dt>
            <dd className="wrap">{request.decisionLegalBasis}</dd>
          </>
        )}
        {request.grants.length > 0 && (
          <>
            <dt>{t('sharing.grants')}</dt>
            <dd>
              {request.grants.map((g) => (
                <code key={g}>{g} </code>
              ))}
            </dd>
          </>
        )}
        {request.expiresAt && (
          <>
            <dt>{t('common.expiresAt')}</dt>
            <dd>{formatDateTime(request.expiresAt)}</dd>
          </>
        )}
      </dl>
      {owner && AWAITING.has(request.state) && (
        <div className="decision-forms">
          <ApproveForm request={request} onDone={after(t('sharing.done.approved'))} />
          <div>
            <ReasonForm request={request} step="request-changes" onDone={after(t('sharing.done.changes'))} />
            <ReasonForm request={request} step="refuse" onDone={after(t('sharing.done.refused'))} />
          </div>
        </div>
      )}
      {owner && request.state === 'changes-requested' && (
        <ReasonForm request={request} step="refuse" onDone={after(t('sharing.done.refused'))} />
      )}
      {owner && request.state === 'approved' && (
        <ReasonForm request={request} step="revoke" onDone={after(t('sharing.done.revoked'))} />
      )}
      {requester && (request.state === 'changes-requested' || request.state === 'draft') && entry.data && (
        <RequestFields entry={entry.data} request={request} onSaved={after(t('sharing.done.resubmitted'))} />
      )}
      <Messages request={request} onSent={loaded.reload} />
    </Page>
  );
}
