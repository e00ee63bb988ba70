import type { TFunction } from 'i18next';
import type { Facet, FacetCount } from '../../api/catalog';

/** The label of a facet value in the current language: kinds, classifications and themes are translated. */
export function facetValueLabel(t: TFunction, facet: Facet, value: FacetCount | string): string {
  const v = typeof value === 'string' ? value : value.value;
  if (facet === 'kind') return t(`catalog.kind.${v}`);
  if (facet === 'classification') return t(`catalog.classification.${v}`);
  if (facet === 'theme') return t(`catalog.theme.${v}`, { defaultValue: v });
  if (facet === 'publisher' && typeof value !== 'string') return value.label ?? v;
  return v;
}

/** Who wrote a message or made a change: "you" for the session's own id, else the recorded id. */
export function actorLabel(t: TFunction, actor: string, me: string | undefined): string {
  return actor === me ? t('catalog.you') : actor;
}
