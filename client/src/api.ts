// The API client: one function per endpoint, typed by the shared contract.
// Every failure becomes an ApiError carrying the server's problem+json (or a network message).
import type {
  BetweenResponse,
  ClaimsResponse,
  CypherResponse,
  ExportFormat,
  GraphResponse,
  HealthResponse,
  JsonValue,
  NodeResponse,
  PathsResponse,
  Problem,
  SchemaResponse,
  SearchResponse,
  SourceResponse,
  SubgraphRequest,
  SubgraphResponse,
} from '../../common/api.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  constructor(message: string, status: number, problem?: Problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(response: Response): Promise<Problem | undefined> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as Partial<Problem> & { error?: string; message?: string };
    return {
      type: body.type ?? 'about:blank',
      title: body.title ?? body.error ?? response.statusText,
      status: body.status ?? response.status,
      detail: body.detail ?? body.message ?? '',
      ...(body.errors ? { errors: body.errors } : {}),
      // A 413 for too many node ids says how many the server takes: the page asks again for that many.
      ...(typeof body.maxIds === 'number' ? { maxIds: body.maxIds } : {}),
    };
  } catch {
    return { type: 'about:blank', title: response.statusText, status: response.status, detail: text.slice(0, 300) };
  }
}

function describe(problem: Problem | undefined, status: number): string {
  if (!problem) return `request failed (HTTP ${status})`;
  const fields = problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  return [problem.title, problem.detail, fields].filter((part) => part && part.length > 0).join(' — ');
}

/** Where the API token is kept: for this tab's session only, never in the URL or local storage. */
const tokenKey = 'kg-explorer.api-token';

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(tokenKey, token);
    else sessionStorage.removeItem(tokenKey);
  } catch {
    /* storage refused (private mode): the token is asked for again next time */
  }
}

/**
 * Asks the user for the API token after a 401; resolves with the token, or null when they
 * cancel. `rejected` says whether a token was sent and refused.
 */
export type TokenPrompt = (rejected: boolean) => Promise<string | null>;

let tokenPrompt: TokenPrompt | undefined;
/** One prompt at a time: concurrent 401s wait for the same answer. */
let pendingPrompt: Promise<string | null> | undefined;

export function onTokenNeeded(prompt: TokenPrompt): void {
  tokenPrompt = prompt;
}

function askForToken(rejected: boolean): Promise<string | null> {
  if (!tokenPrompt) return Promise.resolve(null);
  pendingPrompt ??= tokenPrompt(rejected).finally(() => (pendingPrompt = undefined));
  return pendingPrompt;
}

function withToken(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

async function send(path: string, init: RequestInit | undefined, token: string | null): Promise<Response> {
  try {
    return await fetch(path, withToken(init, token));
  } catch (error) {
    throw new ApiError(`cannot reach the server (${error instanceof Error ? error.message : String(error)})`, 0);
  }
}

/** A per-client limit (429) that asks for a short wait is waited out this many times before it is shown. */
const limitRetries = 3;
/** The longest Retry-After (in seconds) the page waits by itself; a longer one is shown to the user. */
const longestWaitSeconds = 5;

/** Sends, waiting out a short per-client limit: the page's own reads of one kind may overlap (two tabs, a search typed on). */
async function sendWithinLimits(path: string, init: RequestInit | undefined, token: string | null): Promise<Response> {
  let response = await send(path, init, token);
  for (let attempt = 0; attempt < limitRetries && response.status === 429; attempt += 1) {
    const seconds = Number(response.headers.get('retry-after'));
    if (!(seconds >= 0 && seconds <= longestWaitSeconds)) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(200, seconds * 1000)));
    response = await send(path, init, token);
  }
  return response;
}

/**
 * Sends a request with the stored API token (when there is one). On 401 it asks for a token,
 * keeps it for the session and retries; a cancelled prompt ends in the 401's error.
 */
async function request(path: string, init?: RequestInit): Promise<Response> {
  let token = storedToken();
  let response = await sendWithinLimits(path, init, token);
  while (response.status === 401) {
    // Another request may have got a token while this one was on its way.
    const current = storedToken();
    const next = current && current !== token ? current : await askForToken(token !== null);
    if (!next) break;
    setToken(next);
    token = next;
    response = await sendWithinLimits(path, init, token);
    if (response.status === 401 && storedToken() === token) setToken(null);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(describe(problem, response.status), response.status, problem);
  }
  return response;
}

async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path, { headers: { accept: 'application/json' } })).json()) as T;
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else if (value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  health: () => getJson<HealthResponse>('/api/health'),
  schema: () => getJson<SchemaResponse>('/api/schema'),
  search: (q: string, limit = 10, labels: string[] = []) =>
    getJson<SearchResponse>(`/api/search${query({ q, limit, labels })}`),
  node: (id: string) => getJson<NodeResponse>(`/api/nodes/${encodeURIComponent(id)}`),
  neighborhood: (options: {
    ids: string[];
    depth?: number;
    types?: string[];
    labels?: string[];
    from?: string;
    to?: string;
    limit?: number;
  }) =>
    getJson<GraphResponse>(
      `/api/graph/neighborhood${query({
        ids: options.ids,
        depth: options.depth,
        types: options.types,
        labels: options.labels,
        from: options.from,
        to: options.to,
        limit: options.limit,
      })}`,
    ),
  /** Every relationship among the nodes that passes the filters, with the ids not found (one call). */
  subgraph: (body: SubgraphRequest) => postJson<SubgraphResponse>('/api/graph/subgraph', body),
  paths: (options: { from: string; to: string; maxLength?: number; types?: string[]; all?: boolean }) =>
    getJson<PathsResponse>(
      `/api/graph/paths${query({
        from: options.from,
        to: options.to,
        maxLength: options.maxLength,
        types: options.types,
        all: options.all === undefined ? undefined : String(options.all),
      })}`,
    ),
  /** A source with its article's text and where each quote citing it sits. */
  source: (id: string) => getJson<SourceResponse>(`/api/sources/${encodeURIComponent(id)}`),
  /** The relationships citing a source, with both ends, oldest first. */
  claims: (id: string, limit?: number) =>
    getJson<ClaimsResponse>(`/api/sources/${encodeURIComponent(id)}/claims${query({ limit })}`),
  /** Every relationship between two nodes, oldest first, with the sources they cite. */
  between: (a: string, b: string) => getJson<BetweenResponse>(`/api/graph/between${query({ a, b })}`),
  cypher: (queryText: string, params: Record<string, JsonValue> = {}) =>
    postJson<CypherResponse>('/api/cypher', { query: queryText, params }),
  /**
   * Downloads nodes in one of the API's formats, with every relationship among them or only
   * `relationshipIds` of them (and the sources they cite, with `includeSources`): the body and
   * the server's file name.
   */
  export: async (
    ids: string[],
    format: ExportFormat,
    relationshipIds?: string[],
    includeSources = false,
  ): Promise<{ blob: Blob; filename: string }> => {
    const response = await request('/api/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ids,
        format,
        ...(relationshipIds ? { relationshipIds } : {}),
        ...(includeSources ? { includeSources } : {}),
      }),
    });
    const disposition = response.headers.get('content-disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    const filename = match?.[1] ? decodeURIComponent(match[1]) : `graph.${format}`;
    return { blob: await response.blob(), filename };
  },
};

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
