import { CangError } from '../core/index.js';

// PostgreSQL SQLSTATE (Appendix A) and SQLite's extended result codes as node:sqlite reports them in
// `errcode` (SQLITE_CONSTRAINT_PRIMARYKEY 1555, SQLITE_CONSTRAINT_UNIQUE 2067, SQLITE_CONSTRAINT_FOREIGNKEY 787).
const UNIQUE_CODES = new Set<unknown>(['23505', 1555, 2067]);
const FOREIGN_KEY_CODES = new Set<unknown>(['23503', 787]);

/** The dialect's own code of a database error: SQLSTATE on PostgreSQL, the extended result code on SQLite. */
function codeOf(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return undefined;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  return code === 'ERR_SQLITE_ERROR' ? errcode : code;
}

/** Whether an error is a unique or primary-key violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_CODES.has(codeOf(error));
}

/** Whether an error is a foreign-key violation on either dialect. */
export function isForeignKeyViolation(error: unknown): boolean {
  return FOREIGN_KEY_CODES.has(codeOf(error));
}

/**
 * Turns a constraint violation that slipped past the explicit checks (two writers racing) into a
 * `conflict`; anything else is returned unchanged.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (isUniqueViolation(error)) {
    return new CangError('conflict', 'A resource with this identifier already exists', { cause: error });
  }
  if (isForeignKeyViolation(error)) {
    return new CangError('conflict', 'The change refers to, or is referred to by, another resource', {
      cause: error,
    });
  }
  return error;
}
