import type { Migration } from 'kysely';
import * as foundation from './2026-11-26-foundation.js';

/** All migrations in order; names are ISO-date prefixed and frozen once released. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-26-foundation': foundation,
};
