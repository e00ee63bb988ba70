import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, listAll } from '../api/client';
import type { Answer, ItemOf } from '../api/contract';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDateTime } from '../lib/format';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { useSubmit } from '../lib/use-submit';
import { OutboundPolicy } from './federation-outbound';
import { PartnerTraffic } from './federation-traffic';

type Partner = ItemOf<'listFederationPartners'>;
type Offer = ItemOf<'listFederationOffers'>;
type PartnerStatus = Answer<'getFederationPartnerStatus'>;
type PartnerService = PartnerStatus['services'][number];
type Anchor = Answer<'exportFederationAnchor'>;

const partnerPath = (instance: string) => `/federation/partners/${encodeURIComponent(instance)}`;

/** Trusts a partner from its anchor, pasted as JSON. */
function AddPartner({ onAdded }: { readonly onAdded: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { errors, problem, busy, submit } = useSubmit<Partner>();
  const [added, setAdded] = useState<Partner>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    let anchor: unknown;
    const partner = await submit(
      (): Record<string, string> => {
        try {
          anchor = JSON.parse(text);
          return {};
        } catch {
          return { '/': t('validation.json') };
        }
      },
      () => api<Partner>('/federation/partners', { method: 'POST', body: anchor }),
    );
    if (partner) {
      setAdded(partner);
      setText('');
      onAdded();
    }
  };
  const fieldErrors = Object.entries(errors).map(([pointer, detail]) => `${pointer}: ${detail}`);
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="add-partner-title">
      <h2 id="add-partner-title">{t('federation.add')}</h2>
      {added && (
        <p className="alert success" role="status">
          {t('federation.added', { instance: added.instance })}
        </p>
      )}
      <ProblemAlert problem={problem} />
      <Field
        label={t('federation.anchor')}
        hint={t('federation.anchorHint')}
        error={fieldErrors.length > 0 ? fieldErrors.join('; ') : undefined}
        required
      >
        {(c) => <textarea {...c} rows={6} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('federation.addSubmit')}
      </button>
    </form>
  );
}

/** Offers one of our services to the partner. */
function OfferService({ partner, onOffered }: { readonly partner: string; readonly onOffered: () => void }) {
  const { t } = useTranslation();
  const [service, setService] = useState('');
  const [openapi, setOpenapi] = useState(false);
  const { errors, problem, busy, submit } = useSubmit<Offer>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const offer = await submit(
      (): Record<string, string> => (service.trim() ? {} : { '/service': t('validation.required') }),
      () =>
        api<Offer>(`${partnerPath(partner)}/offers`, {
          method: 'POST',
          body: { service: service.trim(), publishOpenapi: openapi },
        }),
    );
    if (offer) {
      setService('');
      onOffered();
    }
  };
  return (
    <form
      id={`offer-${partner}`}
      className="panel"
      onSubmit={send}
      noValidate
      aria-label={t('federation.offerTo', { instance: partner })}
    >
      <ProblemAlert problem={problem} />
      <Field
        label={t('federation.service')}
        hint={t('federation.serviceHint')}
        error={errors['/service']}
        required
      >
        {(c) => <input {...c} value={service} onChange={(e) => setService(e.target.value)} />}
      </Field>
      <label>
        <input type="checkbox" checked={openapi} onChange={(e) => setOpenapi(e.target.checked)} />{' '}
        {t('federation.publishOpenapi')}
      </label>
      <button type="submit" disabled={busy}>
        {t('federation.offerSubmit')}
      </button>
    </form>
  );
}

/**
 * One partner: its configuration status, what it offers us, what we offer it, who may call it, and the
 * traffic with it.
 */
function PartnerSection({ partner }: { readonly partner: Partner }) {
  const { t } = useTranslation();
  const session = useSession();
  const path = partnerPath(partner.instance);
  const status = useLoad(() => api<PartnerStatus>(`${path}/status`), [path], 30_000);
  const offers = useLoad(() => listAll<Offer>(`${path}/offers`), [path]);
  const s = status.data;
  const theirServices: Column<PartnerService>[] = [
    { id: 'id', header: t('federation.service'), value: (v) => v.id, cell: (v) => <code>{v.id}</code> },
    { id: 'name', header: t('federation.name'), value: (v) => v.name },
    { id: 'grantedTo', header: t('federation.grantedTo'), value: (v) => v.grantedTo.join(', ') },
  ];
  const ourOffers: Column<Offer>[] = [
    {
      id: 'service',
      header: t('federation.service'),
      value: (o) => o.service,
      cell: (o) => <code>{o.service}</code>,
    },
    {
      id: 'openapi',
      header: t('federation.publishOpenapi'),
      value: (o) => (o.publishOpenapi ? t('common.yes') : t('common.no')),
    },
  ];
  return (
    <section className="panel" aria-labelledby={`partner-${partner.instance}`}>
      <h2 id={`partner-${partner.instance}`}>{t('federation.partner', { instance: partner.instance })}</h2>
      <ProblemAlert problem={status.problem ?? offers.problem} />
      <dl className="facts">
        <dt>{t('federation.state')}</dt>
        <dd>
          {s === undefined ? (
            t('common.loading')
          ) : s.state === 'valid' ? (
            <span className="badge ok">{t('federation.valid')}</span>
          ) : (
            <span className="badge bad">{t('federation.missing')}</span>
          )}
        </dd>
        <dt>{t('federation.version')}</dt>
        <dd>{s?.version ?? '—'}</dd>
        <dt>{t('federation.fetchedAt')}</dt>
        <dd>{formatDateTime(s?.fetchedAt ?? null)}</dd>
        <dt>{t('common.expiresAt')}</dt>
        <dd>{formatDateTime(s?.expiresAt ?? null)}</dd>
        <dt>{t('federation.lastError')}</dt>
        <dd>{s?.lastError ?? '—'}</dd>
        <dt>{t('federation.keyId')}</dt>
        <dd>
          <code>{partner.keyId}</code>
        </dd>
        <dt>{t('federation.configurationUrls')}</dt>
        <dd>{partner.configurationUrls.join(' ')}</dd>
      </dl>
      <h3>{t('federation.theyOffer')}</h3>
      <DataTable
        caption={t('federation.theyOfferCaption', { instance: partner.instance })}
        rows={s?.services ?? []}
        columns={theirServices}
        rowKey={(v) => v.id}
        empty={{ what: t('empty.federationTheyOffer', { instance: partner.instance }) }}
      />
      <h3>{t('federation.weOffer')}</h3>
      <DataTable
        caption={t('federation.weOfferCaption', { instance: partner.instance })}
        rows={offers.data ?? []}
        columns={ourOffers}
        rowKey={(o) => o.service}
        empty={{
          what: t('empty.federationWeOffer', { instance: partner.instance }),
          action: {
            label: t('federation.offerTo', { instance: partner.instance }),
            form: `offer-${partner.instance}`,
          },
          command: `npx cang federation offer ${partner.instance} VN-HP/GOV/STP/HTTT-LLTP/tra-cuu`,
          allowed: session.may('federation.offer'),
          who: t('empty.whoOrgAdmin'),
        }}
      />
      {session.may('federation.offer') && (
        <OfferService partner={partner.instance} onOffered={offers.reload} />
      )}
      <OutboundPolicy partner={partner.instance} mayChange={session.may('federation.outbound')} />
      {session.mayEverywhere('stats.read') && <PartnerTraffic instance={partner.instance} />}
    </section>
  );
}

/** Federation: our anchor, the trusted partners and, for each, its configuration and what flows each way. */
export default function Federation() {
  const { t } = useTranslation();
  const session = useSession();
  const partners = useLoad(() => listAll<Partner>('/federation/partners'), []);
  const mayTrust = session.may('federation.trust');
  const [anchor, setAnchor] = useState<Anchor>();
  const exporting = useSubmit<Anchor>();
  const exportAnchor = async () => {
    const exported = await exporting.submit(
      () => ({}),
      () => api<Anchor>('/federation/anchor'),
    );
    if (exported) setAnchor(exported);
  };
  const columns: Column<Partner>[] = [
    {
      id: 'instance',
      header: t('federation.instance'),
      value: (p) => p.instance,
      cell: (p) => <code>{p.instance}</code>,
    },
    { id: 'keyId', header: t('federation.keyId'), value: (p) => p.keyId },
    {
      id: 'certificateExpiresAt',
      header: t('federation.certificateExpiresAt'),
      value: (p) => formatDateTime(p.certificateExpiresAt),
    },
    { id: 'addedAt', header: t('federation.addedAt'), value: (p) => formatDateTime(p.addedAt) },
  ];
  return (
    <Page
      title={t('nav.federation')}
      actions={
        mayTrust ? (
          <button type="button" onClick={exportAnchor} disabled={exporting.busy}>
            {t('federation.exportAnchor')}
          </button>
        ) : undefined
      }
    >
      <ProblemAlert problem={partners.problem ?? exporting.problem} />
      {anchor && (
        <section className="panel" aria-labelledby="our-anchor">
          <h2 id="our-anchor">{t('federation.ourAnchor', { instance: anchor.instance })}</h2>
          <p className="muted">{t('federation.ourAnchorHint')}</p>
          <Field label={t('federation.anchorFile')}>
            {(c) => <textarea {...c} readOnly rows={8} value={JSON.stringify(anchor, null, 2)} />}
          </Field>
        </section>
      )}
      {partners.data ? (
        <DataTable
          caption={t('federation.partners')}
          rows={partners.data}
          columns={columns}
          rowKey={(p) => p.instance}
          empty={{
            what: t('empty.federationPartners'),
            action: { label: t('federation.add'), form: 'add-partner-title' },
            command: 'npx cang federation add anchor-doi-tac.json',
            allowed: mayTrust,
          }}
        />
      ) : (
        !partners.problem && <p className="muted">{t('common.loading')}</p>
      )}
      {mayTrust && <AddPartner onAdded={partners.reload} />}
      {(partners.data ?? []).map((partner) => (
        <PartnerSection key={partner.instance} partner={partner} />
      ))}
    </Page>
  );
}
