import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idPath, listAll, type Problem } from '../api/client';
import type { ItemOf } from '../api/contract';
import { EmptyState } from '../components/empty-state';
import { Field } from '../components/field';
import { ProblemAlert } from '../components/problem';
import { problemOf, useLoad } from '../lib/use-load';
import { useSubmit } from '../lib/use-submit';

type Outbound = ItemOf<'listFederationOutbound'>;

/**
 * The outbound policy towards one partner: our systems allowed to call its services (closed by default;
 * the partner's grants still decide which), with a form to allow one and a button to stop each.
 */
export function OutboundPolicy({
  partner,
  mayChange,
}: {
  readonly partner: string;
  readonly mayChange: boolean;
}) {
  const { t } = useTranslation();
  const path = `/federation/partners/${encodeURIComponent(partner)}/outbound`;
  const outbound = useLoad(() => listAll<Outbound>(path), [path]);
  const [client, setClient] = useState('');
  const { errors, problem, busy, submit } = useSubmit<Outbound>();
  const [revokeProblem, setRevokeProblem] = useState<Problem>();
  const allow = async (event: FormEvent) => {
    event.preventDefault();
    const allowed = await submit(
      (): Record<string, string> => (client.trim() ? {} : { '/client': t('validation.required') }),
      () => api<Outbound>(path, { method: 'POST', body: { client: client.trim() } }),
    );
    if (allowed) {
      setClient('');
      outbound.reload();
    }
  };
  const revoke = async (system: string) => {
    if (!window.confirm(t('federation.outboundRevokeConfirm', { client: system, instance: partner }))) return;
    try {
      await api(`${path}/${idPath(system)}`, { method: 'DELETE' });
      setRevokeProblem(undefined);
      outbound.reload();
    } catch (error) {
      setRevokeProblem(problemOf(error));
    }
  };
  const rows = outbound.data ?? [];
  return (
    <>
      <h3>{t('federation.outbound')}</h3>
      <ProblemAlert problem={outbound.problem ?? revokeProblem} />
      {rows.length === 0 ? (
        <EmptyState
          what={t('empty.federationOutbound', { instance: partner })}
          action={{ label: t('federation.outboundAllow'), form: `outbound-${partner}` }}
          command={`npx cang federation allow ${partner} VN-HP/GOV/STP/HTTT-LLTP`}
          allowed={mayChange}
        />
      ) : (
        <ul aria-label={t('federation.outboundCaption', { instance: partner })}>
          {rows.map((o) => (
            <li key={o.client}>
              <code>{o.client}</code>{' '}
              {mayChange && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => revoke(o.client)}
                  aria-label={t('federation.outboundRevokeLabel', { client: o.client })}
                >
                  {t('federation.outboundRevoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayChange && (
        <form
          id={`outbound-${partner}`}
          className="panel"
          onSubmit={allow}
          noValidate
          aria-label={t('federation.outboundAllowTo', { instance: partner })}
        >
          <ProblemAlert problem={problem} />
          <Field
            label={t('federation.outboundClient')}
            hint={t('federation.outboundClientHint')}
            error={errors['/client']}
            required
          >
            {(c) => <input {...c} value={client} onChange={(e) => setClient(e.target.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            {t('federation.outboundAllow')}
          </button>
        </form>
      )}
    </>
  );
}
