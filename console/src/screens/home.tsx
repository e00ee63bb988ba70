import { useTranslation } from 'react-i18next';
import { Link } from '../components/link';
import { Page } from '../components/page';
import { useNavigation } from '../lib/navigation';
import { useSession } from '../lib/session';

/** The start page: who is logged in, with which roles, and where they can go. */
export default function Home() {
  const { t } = useTranslation();
  const session = useSession();
  const screens = useNavigation();
  return (
    <Page title={t('home.title', { name: session.user.displayName })}>
      <p>
        {t('home.roles')}{' '}
        {session.user.roles
          .map((r) => `${t(`role.${r.role}`)}${r.scope ? ` (${r.scope})` : ''}`)
          .join(', ') || t('home.noRoles')}
      </p>
      <ul className="cards">
        {screens.map((screen) => (
          <li key={screen.path}>
            <Link to={screen.path}>
              <strong>{t(screen.label)}</strong>
              <span>{t(`${screen.label}Help`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
