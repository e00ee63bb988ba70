import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onUnauthenticated } from './api/client';
import type { User } from './api/types';
import { Link } from './components/link';
import { SampleNotice } from './components/sample-notice';
import { forgetAllDrafts } from './lib/draft';
import { useLocation } from './lib/router';
import { NavigationContext } from './lib/navigation';
import { type Session, SessionContext, sessionOf } from './lib/session';
import { mayOpen, SCREENS, screenOf } from './routes';
import { FirstPassword } from './screens/first-password';
import { Login } from './screens/login';

// Open data is public: reachable with or without a session, outside the signed-in shell.
const OpenData = lazy(() => import('./screens/catalog/open-data'));
const isPublicPath = (path: string) => path === '/open-data' || path.startsWith('/open-data/');

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button
      type="button"
      className="link-button"
      lang={other}
      onClick={() => void i18n.changeLanguage(other)}
      title={t('lang.switchLabel')}
    >
      {t('lang.other')}
    </button>
  );
}

function Shell({ session }: { readonly session: Session }) {
  const { t } = useTranslation();
  const { path } = useLocation();
  const found = screenOf(path);
  const allowed = found && mayOpen(session, found.screen);
  const nav = useMemo(() => SCREENS.filter((screen) => mayOpen(session, screen)), [session]);
  const Screen = found?.screen.component;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Cảng
        </Link>
        <span className="tagline">{t('app.tagline')}</span>
        <div className="top-actions">
          <LanguageSwitch />
          <span className="user" data-testid="current-user">
            {session.user.displayName}
          </span>
          <button type="button" className="secondary" onClick={session.logout}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <div className="body">
        <nav className="side" aria-label={t('nav.label')}>
          <ul>
            {nav.map((screen) => {
              const current = found?.screen === screen;
              return (
                <li key={screen.path}>
                  <Link to={screen.path} aria-current={current ? 'page' : undefined}>
                    {t(screen.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {session.user.sampleData && <SampleNotice />}
          {Screen && allowed ? (
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              <NavigationContext.Provider value={nav.slice(1)}>
                <Screen rest={found.rest} />
              </NavigationContext.Provider>
            </Suspense>
          ) : (
            <>
              <h1>{found ? t('app.forbiddenTitle') : t('app.notFoundTitle')}</h1>
              <p>{found ? t('app.forbidden') : t('app.notFound')}</p>
            </>
          )}
        </main>
      </div>
    </div>
  );
}

/**
 * The console: checks the session, shows the login page when there is none, the password change when the
 * user must replace a password they were given, else the shell.
 */
export function App() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    api<User>('/session', { quiet401: true })
      .then(setUser)
      .catch(() => setUser(null));
    // A lost session anywhere returns to login; forms keep their drafts in sessionStorage.
    return onUnauthenticated(() => {
      setExpired(true);
      setUser(null);
    });
  }, []);

  const logout = useCallback(() => {
    void api('/session', { method: 'DELETE', quiet401: true })
      .catch(() => undefined)
      .finally(() => {
        forgetAllDrafts();
        setExpired(false);
        setUser(null);
      });
  }, []);
  const session = useMemo(() => (user ? sessionOf(user, logout) : null), [user, logout]);

  if (isPublicPath(path))
    return (
      <Suspense fallback={<p className="muted boot">{t('common.loading')}</p>}>
        <OpenData languageSwitch={<LanguageSwitch />} />
      </Suspense>
    );
  if (user === undefined) return <p className="muted boot">{t('common.loading')}</p>;
  if (!session)
    return (
      <Login
        expired={expired}
        onLoggedIn={(u) => {
          setExpired(false);
          setUser(u);
        }}
        languageSwitch={<LanguageSwitch />}
      />
    );
  // The API refuses everything else until a given password is replaced, so nothing else is shown.
  if (session.user.mustChangePassword)
    return (
      <FirstPassword
        user={session.user}
        onChanged={setUser}
        onLogout={logout}
        languageSwitch={<LanguageSwitch />}
      />
    );
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} />
    </SessionContext.Provider>
  );
}
