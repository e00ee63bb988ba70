import { useTranslation } from 'react-i18next';
import { useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { Link } from './link';

const TABS = [
  { to: '/steering', label: 'steering.tab.overview' },
  { to: '/steering/programs', label: 'steering.tab.programs' },
  { to: '/steering/indicators', label: 'steering.tab.indicators' },
  { to: '/steering/dti', label: 'steering.tab.dti' },
  { to: '/steering/committees', label: 'steering.tab.committees' },
  { to: '/steering/documents', label: 'steering.tab.documents' },
  { to: '/steering-report', label: 'steering.tab.reports' },
] as const;

/** The steering workspace's own navigation; the tab of the current path is marked. */
export function SteeringTabs() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const session = useSession();
  // Leaders read; the report page is for those who may report (the capability of its screen in routes.ts).
  const mayReport = session.may('steering.report');
  const current = (to: string) =>
    to === '/steering' ? path.replace(/\/+$/, '') === '/steering' : path === to || path.startsWith(`${to}/`);
  return (
    <nav className="tabs" aria-label={t('steering.tab.label')}>
      <ul>
        {TABS.filter((tab) => mayReport || tab.to !== '/steering-report').map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={current(tab.to) ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
