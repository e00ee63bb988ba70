import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Problem } from '../api/client';
import type { User } from '../api/types';
import { Field } from '../components/field';
import { PasswordField } from '../components/password-field';
import { Link } from '../components/link';
import { ProblemAlert } from '../components/problem';

/** The login page; after a lost session it says so, and the screen behind it comes back as it was. */
export function Login(props: {
  readonly expired: boolean;
  readonly onLoggedIn: (user: User) => void;
  readonly languageSwitch: ReactNode;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('login.title')} · Cảng`;
    heading.current?.focus();
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!username.trim()) found.username = t('validation.required');
    if (!password) found.password = t('validation.required');
    setErrors(found);
    setProblem(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const user = await api<User>('/session', {
        method: 'POST',
        body: { username: username.trim(), password },
        quiet401: true,
      });
      props.onLoggedIn(user);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, code: 'unexpected' });
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <main className="login-card">
        <div className="login-lang">{props.languageSwitch}</div>
        <p className="brand big">Cảng</p>
        <h1 ref={heading} tabIndex={-1}>
          {t('login.title')}
        </h1>
        <p className="muted">{t('app.tagline')}</p>
        {props.expired && (
          <p className="alert info" role="status">
            {t('login.expired')}
          </p>
        )}
        <ProblemAlert problem={problem} />
        <form onSubmit={submit} noValidate>
          <Field label={t('login.username')} error={errors.username} required>
            {(control) => (
              <input
                {...control}
                name="username"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </Field>
          <PasswordField
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
        <p className="login-open-data">
          <Link to="/open-data">{t('openData.loginLink')}</Link>
        </p>
      </main>
    </div>
  );
}
