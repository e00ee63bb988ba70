import { CangError } from '../core/index.js';

// PostgreSQL SQLSTATE (Appendix A) and better-sqlite3's extended result code names.
const UNIQUE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);
const FOREIGN_KEY_CODES = new Set(['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

function codeOf(error: unknown): unknown {
  return error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
}

/** Whether an error is a unique or primary-key violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_CODES.has(codeOf(error) as string);
}

/** Whether an error is a foreign-key violation on either dialect. */
export function isForeignKeyViolation(error: unknown): boolean {
  return FOREIGN_KEY_CODES.has(codeOf(error) as string);
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
