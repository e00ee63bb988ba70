import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  administeredOrganisations,
  CLASSIFICATIONS,
  type Classification,
  type Entry,
  type EntryKind,
  loadEntry,
} from '../../api/catalog';
import { api } from '../../api/client';
import { loadOrganisations, loadServicesOf, loadSystemsOf } from '../../api/registry';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { useDraft } from '../../lib/draft';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import { CoverageFields, OfficerAndThemeFields } from './entry-fields';
import './catalog.css';
import { type EntryDraft, PHONE, EMAIL, FORMAT, URL_PATTERN, draftOf, lines, bodyOf } from './entry-draft';

function EntryFormBody({
  entry,
  publishers,
}: {
  readonly entry?: Entry;
  readonly publishers: readonly string[];
}) {
  const { t } = useTranslation();
  const editing = entry !== undefined;
  const initial = useMemo(() => draftOf(entry, publishers[0] ?? ''), [entry, publishers]);
  const [draft, update, clear] = useDraft<EntryDraft>(`catalog-entry:${entry?.id ?? 'new'}`, initial);
  const { errors, problem, busy, submit } = useSubmit<Entry>();
  const organisations = useLoad(loadOrganisations, []);
  const services = useLoad(async () => {
    if (!/^[^/]+\/[^/]+\/[^/]+$/.test(draft.publisher)) return [];
    const systems = await loadSystemsOf(draft.publisher);
    return (await Promise.all(systems.map((s) => loadServicesOf(s.id)))).flat();
  }, [draft.publisher]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit(
      () => {
        const found: Record<string, string> = {};
        if (!draft.publisher) found['/publisher'] = t('validation.required');
        if (!draft.title.trim()) found['/title'] = t('validation.required');
        if (!draft.description.trim()) found['/description'] = t('validation.required');
        if (
          !draft.officerName.trim() ||
          !draft.officerPosition.trim() ||
          !PHONE.test(draft.officerPhone.trim()) ||
          !EMAIL.test(draft.officerEmail.trim())
        )
          found['/focalOfficer'] = t('catalog.validation.officer');
        const bad = lines(draft.distributions).find((line) => {
          const [format = '', url = ''] = line.split(/\s+/);
          return !FORMAT.test(format) || !URL_PATTERN.test(url);
        });
        if (bad) found['/distributions'] = t('catalog.validation.distribution', { line: bad });
        if (draft.temporalStart && draft.temporalEnd && draft.temporalEnd < draft.temporalStart)
          found['/temporalEnd'] = t('validation.afterFrom');
        return found;
      },
      () => {
        const body = bodyOf(draft, editing);
        if (!editing)
          return api<Entry>('/catalog/entries', {
            method: 'POST',
            body: { kind: draft.kind, publisher: draft.publisher, ...body },
          });
        // Only what changed, so the history names the fields that really changed.
        const before = bodyOf(draftOf(entry, entry.publisher), true) as Record<string, unknown>;
        const changes = Object.fromEntries(
          Object.entries(body).filter(
            ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key]),
          ),
        );
        if (Object.keys(changes).length === 0) return Promise.resolve(entry);
        return api<Entry>(`/catalog/entries/${encodeURIComponent(entry.id)}`, {
          method: 'PATCH',
          body: changes,
        });
      },
    );
    if (saved) {
      clear();
      navigate(`/catalog/entries/${encodeURIComponent(saved.id)}`);
    }
  };
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="entry-form-title">
      <h2 id="entry-form-title">{editing ? t('catalog.editTitle') : t('catalog.newTitle')}</h2>
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('catalog.facet.kind')} error={errors['/kind']} required>
          {(c) => (
            <select
              {...c}
              name="kind"
              value={draft.kind}
              disabled={editing}
              onChange={(e) => update({ kind: e.target.value as EntryKind })}
            >
              <option value="service">{t('catalog.kind.service')}</option>
              <option value="dataset">{t('catalog.kind.dataset')}</option>
            </select>
          )}
        </Field>
        <Field label={t('catalog.publisher')} error={errors['/publisher']} required>
          {(c) =>
            publishers.length > 0 || editing ? (
              <select
                {...c}
                name="publisher"
                value={draft.publisher}
                disabled={editing}
                onChange={(e) => update({ publisher: e.target.value })}
              >
                {(editing ? [draft.publisher] : publishers).map((p) => (
                  <option key={p} value={p}>
                    {organisations.data?.find((o) => o.id === p)?.name ?? p}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <input
                  {...c}
                  name="publisher"
                  list="entry-publishers"
                  value={draft.publisher}
                  onChange={(e) => update({ publisher: e.target.value })}
                />
                <datalist id="entry-publishers">
                  {organisations.data?.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </datalist>
              </>
            )
          }
        </Field>
        <Field label={t('catalog.facet.classification')} error={errors['/classification']} required>
          {(c) => (
            <select
              {...c}
              name="classification"
              value={draft.classification}
              onChange={(e) => update({ classification: e.target.value as Classification })}
            >
              {CLASSIFICATIONS.map((v) => (
                <option key={v} value={v}>
                  {t(`catalog.classification.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('catalog.title')} error={errors['/title']} required>
        {(c) => (
          <input
            {...c}
            name="title"
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('catalog.description')} error={errors['/description']} required>
        {(c) => (
          <textarea
            {...c}
            name="description"
            rows={4}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
          />
        )}
      </Field>
      {draft.kind === 'service' ? (
        <Field
          label={t('catalog.exchangeService')}
          error={errors['/exchangeService']}
          hint={t('catalog.exchangeServiceHint')}
        >
          {(c) => (
            <select
              {...c}
              name="exchangeService"
              value={draft.exchangeService}
              onChange={(e) => update({ exchangeService: e.target.value })}
            >
              <option value="">—</option>
              {[
                ...new Set(
                  [...(services.data ?? []).map((s) => s.id), draft.exchangeService].filter(Boolean),
                ),
              ].map((id) => (
                <option key={id} value={id}>
                  {services.data?.find((s) => s.id === id)?.name ?? id} ({id})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field
          label={t('catalog.linkedServices')}
          error={errors['/services']}
          hint={t('catalog.servicesHint')}
        >
          {(c) => (
            <textarea
              {...c}
              name="services"
              rows={2}
              value={draft.services}
              onChange={(e) => update({ services: e.target.value })}
            />
          )}
        </Field>
      )}
      <OfficerAndThemeFields draft={draft} update={update} errors={errors} />
      <CoverageFields draft={draft} update={update} errors={errors} />
      <Field
        label={t('catalog.distributions')}
        error={errors['/distributions']}
        hint={t('catalog.distributionsHint')}
      >
        {(c) => (
          <textarea
            {...c}
            name="distributions"
            rows={3}
            value={draft.distributions}
            onChange={(e) => update({ distributions: e.target.value })}
          />
        )}
      </Field>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {editing ? t('catalog.saveSubmit') : t('catalog.createSubmit')}
        </button>
        <Link to={editing ? `/catalog/entries/${encodeURIComponent(entry.id)}` : '/catalog'}>
          {t('catalog.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** `/catalog/new` and `/catalog/entries/{id}/edit`: an organisation administrator's entry form. */
export default function EntryForm({ id }: { readonly id?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const publishers = administeredOrganisations(session.user.roles);
  const loaded = useLoad(() => (id ? loadEntry(id) : Promise.resolve(undefined)), [id]);
  const title = id ? (loaded.data?.title ?? t('catalog.editTitle')) : t('catalog.newTitle');
  return (
    <Page title={title}>
      <ProblemAlert problem={loaded.problem} />
      {loaded.loading && !loaded.data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        (!id || loaded.data) && (
          <EntryFormBody {...(loaded.data ? { entry: loaded.data } : {})} publishers={publishers} />
        )
      )}
    </Page>
  );
}
