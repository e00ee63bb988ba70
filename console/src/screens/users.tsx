import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, listAll } from '../api/client';
import type { Role, User } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { MIN_PASSWORD_LENGTH, PasswordField } from '../components/password-field';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { useDraft } from '../lib/draft';
import { formatDate } from '../lib/format';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { useSubmit } from '../lib/use-submit';

const ROLES: Role[] = [
  'platform-admin',
  'org-admin',
  'steering-secretariat',
  'unit-reporter',
  'leader',
  'auditor',
];
const SCOPED: Role[] = ['org-admin', 'unit-reporter'];
// The password is never kept in the draft (sessionStorage).
const EMPTY_USER = { username: '', displayName: '', role: 'auditor' as Role, scope: '' };

function CreateUser({ onCreated }: { readonly onCreated: () => void }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft('user', EMPTY_USER);
  const [password, setPassword] = useState('');
  const { errors, problem, busy, submit } = useSubmit<User>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const scoped = SCOPED.includes(draft.role);
    const created = await submit(
      () => {
        const found: Record<string, string> = {};
        if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/.test(draft.username))
          found['/username'] = t('validation.username');
        if (!draft.displayName.trim()) found['/displayName'] = t('validation.required');
        if (password.length < MIN_PASSWORD_LENGTH) found['/password'] = t('validation.password');
        if (scoped && !draft.scope.trim()) found['/roles'] = t('validation.scope');
        return found;
      },
      () =>
        api<User>('/users', {
          method: 'POST',
          body: {
            username: draft.username,
            displayName: draft.displayName.trim(),
            password,
            roles: [{ role: draft.role, ...(scoped ? { scope: draft.scope.trim() } : {}) }],
          },
        }),
    );
    if (created) {
      clear();
      setPassword('');
      onCreated();
    }
  };
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('user.create')}</h2>
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('user.username')} error={errors['/username']} required>
          {(c) => (
            <input
              {...c}
              name="username"
              autoComplete="off"
              value={draft.username}
              onChange={(e) => update({ username: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('user.displayName')} error={errors['/displayName']} required>
          {(c) => (
            <input
              {...c}
              name="displayName"
              value={draft.displayName}
              onChange={(e) => update({ displayName: e.target.value })}
            />
          )}
        </Field>
        <PasswordField
          label={t('user.password')}
          name="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors['/password']}
          hint={t('user.passwordHint')}
        />
      </div>
      <div className="form-row">
        <Field label={t('user.role')} error={errors['/roles']}>
          {(c) => (
            <select
              {...c}
              name="role"
              value={draft.role}
              onChange={(e) => update({ role: e.target.value as Role })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {SCOPED.includes(draft.role) && (
          <Field label={t('user.scope')} hint={t('user.scopeHint')} required>
            {(c) => (
              <input
                {...c}
                name="scope"
                value={draft.scope}
                onChange={(e) => update({ scope: e.target.value })}
              />
            )}
          </Field>
        )}
      </div>
      <button type="submit" disabled={busy}>
        {t('user.createSubmit')}
      </button>
    </form>
  );
}

/**
 * Sets a user's password, as an administrator gives one to a commune's reporter: the user must choose their
 * own at their next login, and their sessions and API tokens end.
 */
function ResetPassword(props: { readonly user: User; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { errors, problem, busy, submit } = useSubmit<User>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await submit(
      (): Record<string, string> =>
        password.length < MIN_PASSWORD_LENGTH ? { '/password': t('validation.password') } : {},
      () => api<User>(`/users/${props.user.id}`, { method: 'PATCH', body: { password } }),
    );
    if (updated) {
      setPassword('');
      setDone(true);
    }
  };
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="reset-password-title">
      <h2 id="reset-password-title">{t('user.resetTitle', { username: props.user.username })}</h2>
      <p className="muted">{t('user.resetWhy')}</p>
      <ProblemAlert problem={problem} />
      {done && (
        <p className="alert success" role="status">
          {t('user.resetDone', { username: props.user.username })}
        </p>
      )}
      <PasswordField
        label={t('user.resetPassword')}
        name="newPassword"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={errors['/password']}
        hint={t('user.passwordHint')}
      />
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {t('user.resetSubmit')}
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}

/** Console users and their roles (platform administrators only). */
export default function Users() {
  const { t } = useTranslation();
  const session = useSession();
  const users = useLoad(() => listAll<User>('/users'), []);
  const [resetting, setResetting] = useState<User>();
  const columns = useMemo<Column<User>[]>(
    () => [
      { id: 'username', header: t('user.username'), value: (u) => u.username },
      { id: 'displayName', header: t('user.displayName'), value: (u) => u.displayName },
      {
        id: 'roles',
        header: t('user.roles'),
        value: (u) =>
          u.roles.map((r) => `${t(`role.${r.role}`)}${r.scope ? ` (${r.scope})` : ''}`).join(', '),
      },
      {
        id: 'disabled',
        header: t('user.state'),
        value: (u) => (u.disabled ? t('user.disabled') : t('user.active')),
      },
      {
        id: 'createdAt',
        header: t('common.createdAt'),
        value: (u) => u.createdAt,
        cell: (u) => formatDate(u.createdAt),
      },
      {
        id: 'actions',
        header: t('common.actions'),
        value: () => null,
        cell: (u) => (
          <button type="button" className="secondary small" onClick={() => setResetting(u)}>
            {t('user.reset')}
            <span className="visually-hidden"> {u.username}</span>
          </button>
        ),
      },
    ],
    [t],
  );
  return (
    <Page title={t('nav.users')}>
      <ProblemAlert problem={users.problem} />
      {users.data && (
        <DataTable
          caption={t('nav.users')}
          rows={users.data}
          columns={columns}
          rowKey={(u) => u.id}
          exportName="nguoi-dung"
          empty={{
            what: t('empty.users'),
            action: { label: t('user.create'), form: 'create-user-title' },
            allowed: session.may('user.create'),
          }}
        />
      )}
      {resetting && (
        <ResetPassword key={resetting.id} user={resetting} onDone={() => setResetting(undefined)} />
      )}
      <CreateUser onCreated={users.reload} />
    </Page>
  );
}
