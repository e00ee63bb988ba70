import type { RoleAssignment } from './roles.js';

/** A console user as the rest of Cảng sees it; the password hash never leaves identity. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly RoleAssignment[];
  readonly disabled: boolean;
  /** The user was given their password (the first administrator) and must change it before anything else. */
  readonly mustChangePassword: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Present, as true, on a sample user (the sample commune reporters), which `cang sample remove` deletes. */
  readonly sample?: true;
}

/** Input to create a user. */
export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly RoleAssignment[];
  /** The password was made for the user, who must change it at the first login. */
  readonly mustChangePassword?: boolean;
  /** Sample data (Dữ liệu mẫu), loaded with the sample installation; marked so it can be told apart. */
  readonly sample?: boolean;
}

/** Changes an administrator may make to a user; absent fields stay as they are. */
export interface UserChanges {
  readonly displayName?: string;
  /** Replaces every role assignment. */
  readonly roles?: readonly RoleAssignment[];
  /** Disabling also ends the user's sessions; their API tokens stop working while disabled. */
  readonly disabled?: boolean;
  /** Sets a new password, ends the user's sessions and revokes their API tokens. */
  readonly password?: string;
}

/** One page of a list, and the cursor of the next page (null on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Where a list page starts and how long it is. */
export interface PageRequest {
  readonly cursor?: string;
  readonly limit?: number;
}

/** A session started by a successful login; the token is given to the client once and stored hashed. */
export interface LoginResult {
  readonly token: string;
  readonly expiresAt: number;
  readonly user: User;
}

/** An API token as listed: never the token itself. */
export interface ApiTokenInfo {
  readonly id: string;
  readonly label: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

/** A newly created API token: `token` is shown this once and never again. */
export interface IssuedApiToken extends ApiTokenInfo {
  readonly token: string;
}

/** Input to create an API token. */
export interface NewApiToken {
  readonly label: string;
  /** Unix ms; absent means the default lifetime of API tokens. */
  readonly expiresAt?: number;
}
