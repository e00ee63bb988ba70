import { useTranslation } from 'react-i18next';
import type { Entry } from '../../api/catalog';
import { type Column, DataTable } from '../../components/data-table';
import { formatDate } from '../../lib/format';
import { facetValueLabel } from './catalog-labels';

/** An entry's metadata, its focal officer and its distributions: shown signed in and in open data. */
export function EntryFacts({ entry }: { readonly entry: Entry }) {
  const { t } = useTranslation();
  const columns: Column<Entry['distributions'][number]>[] = [
    { id: 'format', header: t('catalog.distribution.format'), value: (d) => d.format },
    { id: 'title', header: t('catalog.distribution.title'), value: (d) => d.title ?? '' },
    {
      id: 'url',
      header: t('catalog.distribution.url'),
      value: (d) => d.url,
      cell: (d) => (
        <a href={d.url} rel="noopener noreferrer">
          {d.url}
        </a>
      ),
    },
    { id: 'mediaType', header: t('catalog.distribution.mediaType'), value: (d) => d.mediaType ?? '' },
  ];
  const temporal =
    entry.temporalStart || entry.temporalEnd
      ? `${formatDate(entry.temporalStart) || '…'} – ${formatDate(entry.temporalEnd) || '…'}`
      : '';
  return (
    <>
      <p className="wrap">{entry.description}</p>
      <dl className="facts" data-testid="entry-facts">
        <dt>{t('catalog.publisher')}</dt>
        <dd>
          {entry.publisherName} <code>{entry.publisher}</code>
        </dd>
        <dt>{t('catalog.facet.kind')}</dt>
        <dd>{t(`catalog.kind.${entry.kind}`)}</dd>
        <dt>{t('catalog.facet.classification')}</dt>
        <dd>{t(`catalog.classification.${entry.classification}`)}</dd>
        <dt>{t('catalog.stateLabel')}</dt>
        <dd>{t(`catalog.state.${entry.state}`)}</dd>
        <dt>{t('catalog.facet.theme')}</dt>
        <dd>{entry.themes.map((theme) => facetValueLabel(t, 'theme', theme)).join(', ') || '—'}</dd>
        <dt>{t('catalog.keywords')}</dt>
        <dd>{entry.keywords.join(', ') || '—'}</dd>
        <dt>{t('catalog.updateFrequency')}</dt>
        <dd>{entry.updateFrequency ? t(`catalog.frequency.${entry.updateFrequency}`) : '—'}</dd>
        <dt>{t('catalog.temporal')}</dt>
        <dd>{temporal || '—'}</dd>
        <dt>{t('catalog.spatial')}</dt>
        <dd>{entry.spatial ?? '—'}</dd>
        <dt>{t('catalog.licence')}</dt>
        <dd>{entry.licence ?? '—'}</dd>
        {entry.exchangeService && (
          <>
            <dt>{t('catalog.exchangeService')}</dt>
            <dd>
              <code>{entry.exchangeService}</code>
            </dd>
          </>
        )}
        <dt>{t('catalog.publishedAt')}</dt>
        <dd>{formatDate(entry.publishedAt) || '—'}</dd>
        <dt>{t('catalog.reviewDueAt')}</dt>
        <dd>{formatDate(entry.reviewDueAt) || '—'}</dd>
      </dl>
      <section aria-labelledby="focal-title">
        <h2 id="focal-title">{t('catalog.focalOfficer')}</h2>
        <dl className="facts">
          <dt>{t('catalog.officer.name')}</dt>
          <dd>{entry.focalOfficer.name}</dd>
          <dt>{t('catalog.officer.position')}</dt>
          <dd>{entry.focalOfficer.position}</dd>
          <dt>{t('catalog.officer.phone')}</dt>
          <dd>
            <a href={`tel:${entry.focalOfficer.phone.replace(/[^+0-9]/g, '')}`}>{entry.focalOfficer.phone}</a>
          </dd>
          <dt>{t('catalog.officer.email')}</dt>
          <dd>
            <a href={`mailto:${entry.focalOfficer.email}`}>{entry.focalOfficer.email}</a>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="distributions-title">
        <h2 id="distributions-title">{t('catalog.distributions')}</h2>
        {entry.distributions.length > 0 ? (
          <DataTable
            caption={t('catalog.distributions')}
            rows={entry.distributions}
            columns={columns}
            rowKey={(d) => `${d.format} ${d.url}`}
            exportName="phan-phoi"
          />
        ) : (
          <p className="muted">{t('catalog.noDistributions')}</p>
        )}
      </section>
    </>
  );
}
