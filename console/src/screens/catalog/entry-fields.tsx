/** Parts of the catalog entry form: the focal officer and themes, and the entry's coverage fields. */
import { useTranslation } from 'react-i18next';
import { THEMES, UPDATE_FREQUENCIES } from '../../api/catalog';
import { Field } from '../../components/field';
import { facetValueLabel } from './catalog-labels';
import type { EntryDraft } from './entry-draft';

/** What a part of the entry form reads and changes: the draft, its updater and the field errors. */
export interface EntryFieldsProps {
  readonly draft: EntryDraft;
  readonly update: (next: Partial<EntryDraft>) => void;
  readonly errors: Readonly<Record<string, string>>;
}

/** The focal officer (all four fields required) and the themes. */
export function OfficerAndThemeFields({ draft, update, errors }: EntryFieldsProps) {
  const { t } = useTranslation();
  const toggleTheme = (theme: string, on: boolean) =>
    update({ themes: on ? [...draft.themes, theme] : draft.themes.filter((x) => x !== theme) });
  return (
    <>
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
    </>
  );
}

/** Keywords, update frequency, time span, place and licence. */
export function CoverageFields({ draft, update, errors }: EntryFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
