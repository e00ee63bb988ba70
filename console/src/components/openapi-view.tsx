import { useTranslation } from 'react-i18next';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A readable view of an OpenAPI (or Swagger) document: title, version, then each path's operations. */
export function OpenApiView({ document }: { readonly document: unknown }) {
  const { t } = useTranslation();
  if (!isObject(document)) return <p>{t('service.openapiInvalid')}</p>;
  const info = isObject(document.info) ? document.info : {};
  const paths = isObject(document.paths) ? document.paths : {};
  const entries = Object.entries(paths).filter(([, item]) => isObject(item));
  return (
    <div className="openapi">
      <p>
        <strong>{text(info.title) ?? t('service.openapiUntitled')}</strong>
        {text(info.version) && (
          <span className="muted"> · {t('service.version', { version: text(info.version) })}</span>
        )}
        <span className="muted">
          {' '}
          ·{' '}
          {text(document.openapi)
            ? `OpenAPI ${text(document.openapi)}`
            : text(document.swagger)
              ? `Swagger ${text(document.swagger)}`
              : ''}
        </span>
      </p>
      {text(info.description) && <p>{text(info.description)}</p>}
      {entries.length === 0 ? (
        <p className="muted">{t('service.noPaths')}</p>
      ) : (
        <ul className="operations">
          {entries.flatMap(([path, item]) =>
            METHODS.filter((m) => isObject((item as Json)[m])).map((method) => {
              const op = (item as Json)[method] as Json;
              const params = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
              const responses = isObject(op.responses) ? Object.keys(op.responses) : [];
              return (
                <li key={`${method} ${path}`}>
                  <span className={`method method-${method}`}>{method.toUpperCase()}</span>{' '}
                  <code>{path}</code>
                  {text(op.summary) && <span> — {text(op.summary)}</span>}
                  {text(op.description) && <p className="muted">{text(op.description)}</p>}
                  {params.length > 0 && (
                    <p className="small">
                      {t('service.parameters')}:{' '}
                      {params
                        .map((p) => `${text(p.name) ?? '?'} (${text(p.in) ?? ''}${p.required ? ', *' : ''})`)
                        .join(', ')}
                    </p>
                  )}
                  {responses.length > 0 && (
                    <p className="small">
                      {t('service.responses')}: {responses.join(', ')}
                    </p>
                  )}
                </li>
              );
            }),
          )}
        </ul>
      )}
    </div>
  );
}
