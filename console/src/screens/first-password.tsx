import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Problem } from '../api/client';
import type { User } from '../api/types';
import { MIN_PASSWORD_LENGTH, PasswordField } from '../components/password-field';
import { fieldErrorsOf, ProblemAlert } from '../components/problem';

/**
 * The first login of a user whose password was given to them (the first administrator's, printed at the
 * first start): they choose their own before anything else, which the API refuses until then.
 */
export function FirstPassword(props: {
  readonly user: User;
  readonly onChanged: (user: User) => void;
  readonly onLogout: () => void;
  readonly languageSwitch: ReactNode;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('firstPassword.title')} · Cảng`;
    heading.current?.focus();
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = t('validation.required');
    if (next.length < MIN_PASSWORD_LENGTH) found.newPassword = t('validation.password');
    else if (next === current) found.newPassword = t('firstPassword.sameAsCurrent');
    if (confirm !== next) found.confirmPassword = t('firstPassword.mismatch');
    setErrors(found);
    setProblem(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api('/users/me/password', {
        method: 'PUT',
        body: { currentPassword: current, newPassword: next },
      });
      props.onChanged(await api<User>('/session'));
    } catch (error) {
      const failed = error instanceof ApiError ? error.problem : { status: 0, code: 'unexpected' };
      const fields = fieldErrorsOf(failed);
      setErrors({
        ...(fields['/currentPassword'] ? { currentPassword: t('firstPassword.wrongCurrent') } : {}),
        ...(fields['/newPassword'] ? { newPassword: fields['/newPassword'] } : {}),
      });
      setProblem(failed);
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <main className="login-card">
        <div className="login-lang">{props.languageSwitch}</div>
        <p className="brand big">Cảng</p>
        <h1 ref={heading} tabIndex={-1}>
          {t('firstPassword.title')}
        </h1>
        <p>{t('firstPassword.why', { name: props.user.displayName })}</p>
        <ProblemAlert problem={problem} />
        <form onSubmit={submit} noValidate>
          {/* For password managers: the account whose password changes. */}
          <input type="hidden" name="username" autoComplete="username" value={props.user.username} />
          <PasswordField
            label={t('firstPassword.current')}
            name="currentPassword"
            autoComplete="current-password"
            value={current}
            onChange={setCurrent}
            error={errors.currentPassword}
          />
          <PasswordField
            label={t('firstPassword.new')}
            name="newPassword"
            autoComplete="new-password"
            value={next}
            onChange={setNext}
            error={errors.newPassword}
            hint={t('firstPassword.newHint')}
          />
          <PasswordField
            label={t('firstPassword.confirm')}
            name="confirmPassword"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={errors.confirmPassword}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('firstPassword.busy') : t('firstPassword.submit')}
          </button>
        </form>
        <p>
          <button type="button" className="secondary" onClick={props.onLogout}>
            {t('nav.logout')}
          </button>
        </p>
      </main>
    </div>
  );
}
