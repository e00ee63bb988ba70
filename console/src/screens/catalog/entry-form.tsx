import { type FormEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  administeredOrganisations,
  CLASSIFICATIONS,
  type Classification,
  type Entry,
  type EntryKind,
  loadEntry,
  THEMES,
  UPDATE_FREQUENCIES,
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
import { facetValueLabel } from './catalog-labels';
import './catalog.css';
import { FIELD_PATTERNS } from '../../api/generated/field-patterns';

interface EntryDraft {
  kind: EntryKind;
  publisher: string;
  exchangeService: string;
  title: string;
  description: string;
  officerName: string;
  officerPosition: string;
  officerPhone: string;
  officerEmail: string;
  themes: string[];
  keywords: string;
  classification: Classification;
  updateFrequency: string;
  temporalStart: string;
  temporalEnd: string;
  spatial: string;
  licence: string;
  /** One distribution a line: `FORMAT URL [title]`. */
  distributions: string;
  /** Datasets: ids of the data-service entries serving it, one a line. */
  services: string;
}

const ENTRY_PATTERNS = FIELD_PATTERNS.createCatalogEntry;
const PHONE = new RegExp(ENTRY_PATTERNS['/focalOfficer/phone']);
const EMAIL = new RegExp(ENTRY_PATTERNS['/focalOfficer/email']);
const FORMAT = new RegExp(ENTRY_PATTERNS['/distributions/*/format']);
const URL_PATTERN = new RegExp(ENTRY_PATTERNS['/distributions/*/url']);

function draftOf(entry: Entry | undefined, publisher: string): EntryDraft {
  return {
    kind: entry?.kind ?? 'service',
    publisher: entry?.publisher ?? publisher,
    exchangeService: entry?.exchangeService ?? '',
    title: entry?.title ?? '',
    description: entry?.description ?? '',
    officerName: entry?.focalOfficer.name ?? '',
    officerPosition: entry?.focalOfficer.position ?? '',
    officerPhone: entry?.focalOfficer.phone ?? '',
    officerEmail: entry?.focalOfficer.email ?? '',
    themes: [...(entry?.themes ?? [])],
    keywords: entry?.keywords.join(', ') ?? '',
    classification: entry?.classification ?? 'shared',
    updateFrequency: entry?.updateFrequency ?? '',
    temporalStart: entry?.temporalStart ?? '',
    temporalEnd: entry?.temporalEnd ?? '',
    spatial: entry?.spatial ?? '',
    licence: entry?.licence ?? '',
    distributions: (entry?.distributions ?? [])
      .map((d) => [d.format, d.url, d.title ?? ''].join(' ').trim())
      .join('\n'),
    services: (entry?.services ?? []).join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The API body of a draft: every metadata field (empty optional ones as null when editing). */
function bodyOf(draft: EntryDraft, editing: boolean) {
  const optional = (value: string) => (value.trim() ? value.trim() : editing ? null : undefined);
  const body = {
    title: draft.title.trim(),
    description: draft.description.trim(),
    focalOfficer: {
      name: draft.officerName.trim(),
      position: draft.officerPosition.trim(),
      phone: draft.officerPhone.trim(),
      email: draft.officerEmail.trim(),
    },
    themes: draft.themes,
    keywords: draft.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    classification: draft.classification,
    updateFrequency: optional(draft.updateFrequency),
    temporalStart: optional(draft.temporalStart),
    temporalEnd: optional(draft.temporalEnd),
    spatial: optional(draft.spatial),
    licence: optional(draft.licence),
    distributions: lines(draft.distributions).map((line) => {
      const [format = '', url = '', ...title] = line.split(/\s+/);
      return { format: format.toUpperCase(), url, ...(title.length ? { title: title.join(' ') } : {}) };
    }),
    services: draft.kind === 'dataset' ? lines(draft.services) : [],
    ...(draft.kind === 'service' && draft.exchangeService.trim()
      ? { exchangeService: draft.exchangeService.trim() }
      : {}),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

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
  const toggleTheme = (theme: string, on: boolean) =>
    update({ themes: on ? [...draft.themes, theme] : draft.themes.filter((x) => x !== theme) });
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
      <fieldset className={errors['/focalOfficer'] ? 'invalid' : undefined}>
        <legend>{t('catalog.focalOfficer')}</legend>
        <div className="form-row">
          <Field label={t('catalog.officer.name')} required>
            {(c) => (
              <input
                {...c}
                name="officerName"
                value={draft.officerName}
                onChange={(e) => update({ officerName: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('catalog.officer.position')} required>
            {(c) => (
              <input
                {...c}
                name="officerPosition"
                value={draft.officerPosition}
                onChange={(e) => update({ officerPosition: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('catalog.officer.phone')} required>
            {(c) => (
              <input
                {...c}
                name="officerPhone"
                type="tel"
                value={draft.officerPhone}
                onChange={(e) => update({ officerPhone: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('catalog.officer.email')} required>
            {(c) => (
              <input
                {...c}
                name="officerEmail"
                type="email"
                value={draft.officerEmail}
                onChange={(e) => update({ officerEmail: e.target.value })}
              />
            )}
          </Field>
        </div>
        {errors['/focalOfficer'] && <p className="field-error">{errors['/focalOfficer']}</p>}
      </fieldset>
      <fieldset className={errors['/themes'] ? 'invalid' : undefined}>
        <legend>{t('catalog.facet.theme')}</legend>
        <div className="checks">
          {THEMES.map((theme) => (
            <label key={theme}>
              <input
                type="checkbox"
                name="themes"
                value={theme}
                checked={draft.themes.includes(theme)}
                onChange={(e) => toggleTheme(theme, e.target.checked)}
              />{' '}
              {facetValueLabel(t, 'theme', theme)}
            </label>
          ))}
        </div>
        {errors['/themes'] && <p className="field-error">{errors['/themes']}</p>}
      </fieldset>
      <div className="form-row">
        <Field label={t('catalog.keywords')} error={errors['/keywords']} hint={t('catalog.keywordsHint')}>
          {(c) => (
            <input
              {...c}
              name="keywords"
              value={draft.keywords}
              onChange={(e) => update({ keywords: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalog.updateFrequency')} error={errors['/updateFrequency']}>
          {(c) => (
            <select
              {...c}
              name="updateFrequency"
              value={draft.updateFrequency}
              onChange={(e) => update({ updateFrequency: e.target.value })}
            >
              <option value="">—</option>
              {UPDATE_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`catalog.frequency.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('catalog.temporalStart')} error={errors['/temporalStart']}>
          {(c) => (
            <input
              {...c}
              name="temporalStart"
              type="date"
              value={draft.temporalStart}
              onChange={(e) => update({ temporalStart: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalog.temporalEnd')} error={errors['/temporalEnd']}>
          {(c) => (
            <input
              {...c}
              name="temporalEnd"
              type="date"
              value={draft.temporalEnd}
              onChange={(e) => update({ temporalEnd: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('catalog.spatial')} error={errors['/spatial']}>
          {(c) => (
            <input
              {...c}
              name="spatial"
              value={draft.spatial}
              onChange={(e) => update({ spatial: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalog.licence')} error={errors['/licence']}>
          {(c) => (
            <input
              {...c}
              name="licence"
              value={draft.licence}
              onChange={(e) => update({ licence: e.target.value })}
            />
          )}
        </Field>
      </div>
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
