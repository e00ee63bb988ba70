/**
 * Grant path patterns, matched on the decoded segments of a normalised rest path (see normalise-rest-path.ts).
 * Syntax: `/households/*` matches exactly one segment in that place, a trailing `/**` matches any depth
 * suffix including none (as Spring's AntPathMatcher does), anything else matches literally.
 */
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
