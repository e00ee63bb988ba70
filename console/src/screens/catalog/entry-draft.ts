/** A catalog entry as its form holds it, the checks' patterns from the contract, and the API body made from it. */
import type { Classification, Entry, EntryKind } from '../../api/catalog';
import { FIELD_PATTERNS } from '../../api/generated/field-patterns';

/** An entry as the form holds it: text fields as typed, lists one item a line or comma-separated. */
export interface EntryDraft {
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
/** The API's checks of the focal officer's phone and email and of a distribution's format and URL. */
export const PHONE = new RegExp(ENTRY_PATTERNS['/focalOfficer/phone']);
export const EMAIL = new RegExp(ENTRY_PATTERNS['/focalOfficer/email']);
export const FORMAT = new RegExp(ENTRY_PATTERNS['/distributions/*/format']);
export const URL_PATTERN = new RegExp(ENTRY_PATTERNS['/distributions/*/url']);

/** The form's draft of an entry (or of a new one for the publisher). */
export function draftOf(entry: Entry | undefined, publisher: string): EntryDraft {
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

/** The non-empty trimmed lines of a text. */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The API body of a draft: every metadata field (empty optional ones as null when editing). */
export function bodyOf(draft: EntryDraft, editing: boolean) {
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
