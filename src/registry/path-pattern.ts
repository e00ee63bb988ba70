/** Methods a grant may name. */
export const GRANT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

// The exchange matches patterns against the decoded segments of the normalised path, where encoded
// slashes and other ambiguous forms are refused (ARCHITECTURE.md, "Exchange protocol"). So a literal is
// written decoded (Unicode letters allowed, e.g. /hồ-sơ) and never holds %, whitespace, controls, ?, # or *.
const LITERAL_SEGMENT = /^[^\s\p{Cc}/%?#*]+$/u;

/**
 * Why a grant path pattern is malformed, or null when it is well formed. A pattern starts with `/`;
 * each segment is a literal, `*` (exactly one segment) or `**` (the rest of the path, last only);
 * `.`, `..` and empty segments are refused. `/` alone means the root path.
 */
export function pathPatternProblem(pattern: string): string | null {
  if (!pattern.startsWith('/')) return 'must start with /';
  if (pattern === '/') return null;
  const segments = pattern.slice(1).split('/');
  for (const [index, segment] of segments.entries()) {
    if (segment === '') return 'must not have empty segments or a trailing /';
    if (segment === '.' || segment === '..') return 'must not have . or .. segments';
    if (segment === '**') {
      if (index !== segments.length - 1) return '** may only be the last segment';
    } else if (segment !== '*' && !LITERAL_SEGMENT.test(segment)) {
      return `segment "${segment}" must be a literal (no %, whitespace, ?, # or * inside), * or **`;
    }
  }
  return null;
}
