import { useTranslation } from 'react-i18next';

/** The HTTP methods a grant may allow. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The checkboxes of a grant's HTTP methods (none checked: any method), with the API's error. */
export function MethodsFieldset({
  methods,
  error,
  onChange,
}: {
  readonly methods: readonly string[];
  readonly error: string | undefined;
  readonly onChange: (methods: string[]) => void;
}) {
  const { t } = useTranslation();
  const toggle = (method: string, on: boolean) =>
    onChange(on ? [...methods, method] : methods.filter((m) => m !== method));
  return (
    <fieldset className={error ? 'invalid' : undefined}>
      <legend>{t('grant.methods')}</legend>
      <p className="hint">{t('grant.methodsHint')}</p>
      <div className="checks">
        {METHODS.map((method) => (
          <label key={method}>
            <input
              type="checkbox"
              name="methods"
              value={method}
              checked={methods.includes(method)}
              onChange={(e) => toggle(method, e.target.checked)}
            />{' '}
            {method}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
