import { CangError } from '../core/index.js';

// PostgreSQL SQLSTATE (Appendix A) and better-sqlite3's extended result code names.
const UNIQUE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);
const FOREIGN_KEY_CODES = new Set(['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

/**
 * Turns a constraint violation that slipped past the explicit checks (two writers racing) into a
 * `conflict`; anything else is returned unchanged.
 */
export function mapDatabaseError(error: unknown): unknown {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  if (UNIQUE_CODES.has(code as string)) {
    return new CangError('conflict', 'A resource with this identifier already exists', { cause: error });
  }
  if (FOREIGN_KEY_CODES.has(code as string)) {
    return new CangError('conflict', 'The change refers to, or is referred to by, another resource', {
      cause: error,
    });
  }
  return error;
}
