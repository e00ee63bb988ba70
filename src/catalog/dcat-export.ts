import type { EntryView } from './entry-schemas.js';

const THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/';
const FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/';
const FREQUENCIES: Readonly<Record<string, string>> = {
  continuous: 'CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  annual: 'ANNUAL',
  irregular: 'IRREG',
  never: 'NEVER',
};

/** The JSON-LD context of the export: DCAT, Dublin Core terms, vCard and FOAF. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const vi = (text: string) => ({ '@value': text, '@language': 'vi' });

function common(entry: EntryView, entryUrl: (id: string) => string) {
  return {
    '@id': entryUrl(entry.id),
    'dct:identifier': entry.id,
    'dct:title': vi(entry.title),
    'dct:description': vi(entry.description),
    'dct:publisher': {
      '@id': `urn:cang:organisation:${entry.publisher}`,
      '@type': 'foaf:Organization',
      'foaf:name': vi(entry.publisherName),
    },
    'dcat:contactPoint': {
      '@type': 'vcard:Kind',
      'vcard:fn': entry.focalOfficer.name,
      'vcard:role': entry.focalOfficer.position,
      'vcard:hasEmail': { '@id': `mailto:${entry.focalOfficer.email}` },
      'vcard:hasTelephone': { '@id': `tel:${entry.focalOfficer.phone.replace(/[^+0-9]/g, '')}` },
    },
    'dcat:theme': entry.themes.map((theme) => ({ '@id': `${THEME_BASE}${theme}` })),
    'dcat:keyword': entry.keywords.map(vi),
    'dct:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
    ...(entry.licence === null ? {} : { 'dct:license': entry.licence }),
    ...(entry.publishedAt === null
      ? {}
      : { 'dct:issued': { '@value': entry.publishedAt, '@type': 'xsd:dateTime' } }),
    'dct:modified': { '@value': entry.updatedAt, '@type': 'xsd:dateTime' },
  };
}

/**
 * Builds the DCAT-AP JSON-LD export of open published entries: datasets as `dcat:Dataset` with their
 * distributions, data services as `dcat:DataService` serving their datasets.
 */
export function buildDcatCatalog(
  entries: readonly EntryView[],
  options: { readonly catalogUrl: string; readonly entryUrl: (id: string) => string; readonly title: string },
): Record<string, unknown> {
  const datasets = entries.filter((e) => e.kind === 'dataset');
  const services = entries.filter((e) => e.kind === 'service');
  const listed = new Set(entries.map((e) => e.id));
  return {
    '@context': DCAT_CONTEXT,
    '@id': options.catalogUrl,
    '@type': 'dcat:Catalog',
    'dct:title': vi(options.title),
    'dcat:dataset': datasets.map((entry) => ({
      '@type': 'dcat:Dataset',
      ...common(entry, options.entryUrl),
      ...(entry.updateFrequency === null
        ? {}
        : { 'dct:accrualPeriodicity': { '@id': `${FREQUENCY_BASE}${FREQUENCIES[entry.updateFrequency]}` } }),
      ...(entry.temporalStart === null && entry.temporalEnd === null
        ? {}
        : {
            'dct:temporal': {
              '@type': 'dct:PeriodOfTime',
              ...(entry.temporalStart === null
                ? {}
                : { 'dcat:startDate': { '@value': entry.temporalStart, '@type': 'xsd:date' } }),
              ...(entry.temporalEnd === null
                ? {}
                : { 'dcat:endDate': { '@value': entry.temporalEnd, '@type': 'xsd:date' } }),
            },
          }),
      ...(entry.spatial === null
        ? {}
        : { 'dct:spatial': { '@type': 'dct:Location', 'dct:title': vi(entry.spatial) } }),
      'dcat:distribution': entry.distributions.map((d) => ({
        '@type': 'dcat:Distribution',
        'dcat:accessURL': { '@id': d.url },
        'dct:format': d.format,
        ...(d.mediaType === undefined ? {} : { 'dcat:mediaType': d.mediaType }),
        ...(d.title === undefined ? {} : { 'dct:title': vi(d.title) }),
        ...(entry.licence === null ? {} : { 'dct:license': entry.licence }),
      })),
      ...(entry.schema === null
        ? {}
        : { 'dct:conformsTo': { '@type': 'dct:Standard', 'dct:type': entry.schema.kind } }),
    })),
    'dcat:service': services.map((entry) => ({
      '@type': 'dcat:DataService',
      ...common(entry, options.entryUrl),
      'dcat:endpointDescription': `urn:cang:service:${entry.exchangeService}`,
      'dcat:servesDataset': entry.datasets
        .filter((id) => listed.has(id))
        .map((id) => ({ '@id': options.entryUrl(id) })),
    })),
  };
}
