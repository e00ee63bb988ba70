/**
 * Grant path patterns: their grammar, checked when a grant is written, and their matcher, which the
 * exchange runs on the decoded segments of a normalised rest path (see the exchange's
 * normalise-rest-path.ts). `/households/*` matches exactly one segment in that place, a trailing `/**`
 * matches any depth suffix including none (as Spring's AntPathMatcher does), anything else matches
 * literally.
 */

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

export interface PathPattern {
  readonly source: string;
  /** Literal segments, with `*` standing for any one segment. */
  readonly segments: readonly string[];
  /** Whether the pattern ends in `/**`. */
  readonly anyDepth: boolean;
}

/** Compiles a pattern once, when the snapshot is indexed. */
export function compilePathPattern(source: string): PathPattern {
  const parts = source.split('/').filter((part) => part.length > 0);
  const anyDepth = parts.at(-1) === '**';
  if (anyDepth) parts.pop();
  return { source, segments: parts, anyDepth };
}

/** Whether decoded path segments match a compiled pattern. */
export function matchPathPattern(pattern: PathPattern, segments: readonly string[]): boolean {
  const wanted = pattern.segments;
  if (pattern.anyDepth ? segments.length < wanted.length : segments.length !== wanted.length) return false;
  for (let i = 0; i < wanted.length; i++) {
    const part = wanted[i]!;
    if (part !== '*' && part !== segments[i]) return false;
  }
  return true;
}
