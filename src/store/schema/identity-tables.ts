/*
 * Owned by identity: console users, their roles, sessions and API tokens. Only this part reads or writes
 * these tables (scripts/check-dependency-direction.ts).
 */

/** A console user. */
export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  /** 1 until the user has replaced a password they were given (the first administrator's). */
  must_change_password: number;
  created_at: number;
  updated_at: number;
  /** 1: sample data, which `cang sample remove` deletes; 0 for real data. */
  sample: number;
}

/** A role a user holds, within a scope. */
export interface UserRoleTable {
  user_id: string;
  role: string;
  scope: string; // organisation or unit id; '' for a role without scope
}

/** A console session, known by the hash of its id. */
export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

/** An API token of a user, stored hashed. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  label: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

/** Failed logins counted under one key, `user:{username}` or `address:{ip}`. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: number;
  /** Unix ms before which no login under this key is checked; 0 when none is blocked. */
  blocked_until: number;
}

/** The tables of the identity part, by name. */
export interface IdentityTables {
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
}
