/** One bad field of a problem document: a JSON pointer into the request body and what is wrong. */
export interface FieldProblem {
  readonly pointer: string;
  readonly detail: string;
}

/** An RFC 9457 problem document as the admin API answers every error. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: readonly FieldProblem[];
}

/**
 * A failed call: `problem` is the API's problem document, or a synthetic one (`network`,
 * `unexpected`) when there was none, so screens never show a raw error or stack.
 */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when a call answers 401: the session is gone and the console must return to login. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string';
}

/** Options of one API call. */
export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | undefined | null>>;
  /** Do not treat 401 as a lost session (the login call and the first session check). */
  readonly quiet401?: boolean;
  readonly signal?: AbortSignal;
}

/** The URL of an API path under /api/v1 with its query, leaving out empty values. */
export function apiUrl(path: string, query?: CallOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return `/api/v1${path}${text ? `?${text}` : ''}`;
}

/**
 * Calls the admin API with the session cookie. Every write carries `X-Requested-With: cang-console`
 * (the API's CSRF defence, docs/api.md). Resolves with the JSON body, or undefined for 204.
 */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-requested-with'] = 'cang-console';
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network' });
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  if (response.status === 401 && !options.quiet401) {
    for (const listener of unauthenticatedListeners) listener();
  }
  throw new ApiError(isProblem(body) ? body : { status: response.status, code: 'unexpected' });
}

/** A page of a list: `{ items, nextCursor }`. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Reads every page of a list (the API gives at most 200 per page), up to `max` items. */
export async function listAll<T>(path: string, query: CallOptions['query'] = {}, max = 5_000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>(path, { query: { ...query, limit: 200, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < max);
  return items;
}

/** The path of an identifier `A/B/C…` with every segment URL-encoded. */
export function idPath(id: string): string {
  return id
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
