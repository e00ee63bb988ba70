import type { TFunction } from 'i18next';
import type { EmptyStateProps } from '../../components/empty-state';
import { API_DOCS, createCommand } from '../../lib/api-command';
import type { Session } from '../../lib/session';

/**
 * An empty steering list whose items the secretariat creates through the admin API (the console has no form
 * for them): what they are, the API documentation and the command that creates the first one from a file.
 */
export function createdThroughApi(
  t: TFunction,
  session: Session,
  what: string,
  path: string,
  file: string,
): EmptyStateProps {
  return {
    what: `${what} ${t('empty.throughApi')}`,
    action: { label: t('empty.apiDocs'), href: API_DOCS },
    command: createCommand(path, file),
    allowed: session.may('steering.write'),
    who: t('empty.whoSecretariat'),
  };
}
