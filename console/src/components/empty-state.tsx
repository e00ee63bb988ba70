import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from './link';

/** The first step offered in the console: a link to a screen, or a move to a form on this one. */
export type FirstStep =
  | { readonly label: string; readonly to: string }
  /** `href`: a page the server serves outside the console (the API documentation), opened in full. */
  | { readonly label: string; readonly href: string }
  /** `form`: the id of the form's heading (its `aria-labelledby`); the button moves to its first field. */
  | { readonly label: string; readonly form: string };

/** What an empty list says: what the thing is, and how to make the first one. */
export interface EmptyStateProps {
  /** What the list holds, in one sentence. */
  readonly what: string;
  readonly action?: FirstStep;
  /** A `cang` command that makes the first one, shown with a button that copies it. */
  readonly command?: string;
  /** False when the user may not make one: the first step gives way to who may. */
  readonly allowed?: boolean;
  /** Who may take the first step, said when the user may not; an administrator unless told. */
  readonly who?: string;
}

/** What a list says when it has rows, but none match the filter: so, and a button that clears it. */
export interface NoMatchProps {
  readonly onClear: () => void;
}

/** Moves to a form on the page by its heading's id, and puts the cursor in its first field. */
function goToForm(headingId: string): void {
  const heading = document.getElementById(headingId);
  const form = heading?.closest('form, section') ?? heading;
  form?.scrollIntoView({ block: 'start' });
  const field = form?.querySelector<HTMLElement>('input, select, textarea, button');
  field?.focus();
}

/** A list with nothing in it yet: it says what would be there, and offers the first step. */
export function EmptyState({ what, action, command, allowed = true, who }: EmptyStateProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(command ?? '');
    setCopied(true);
  };
  const offered = action !== undefined || command !== undefined;
  return (
    <div className="empty-state" data-testid="empty-state">
      <p>{what}</p>
      {offered && !allowed && (
        <p className="muted" data-testid="empty-who">
          {t('empty.who', { who: who ?? t('empty.administrator') })}
        </p>
      )}
      {offered && allowed && (
        <div className="first-step">
          <span className="muted">{t('empty.firstStep')}</span>
          {action &&
            ('to' in action ? (
              <Link to={action.to} className="button">
                {action.label}
              </Link>
            ) : 'href' in action ? (
              <a href={action.href} className="button">
                {action.label}
              </a>
            ) : (
              <button type="button" onClick={() => goToForm(action.form)}>
                {action.label}
              </button>
            ))}
          {command && (
            <span className="command">
              <code>{command}</code>
              <button type="button" className="secondary small" onClick={() => void copy()}>
                {t('empty.copy')}
              </button>
              <span className="muted" aria-live="polite">
                {copied ? t('empty.copied') : ''}
              </span>
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** A list whose filter leaves nothing: it says so, and offers to clear the filter. */
export function NoMatch({ onClear }: NoMatchProps) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="no-match">
      <p>{t('empty.noMatch')}</p>
      <div className="first-step">
        <button type="button" className="secondary" onClick={onClear}>
          {t('common.clear')}
        </button>
      </div>
    </div>
  );
}
