import type { FuzzedProcedure } from './procedure-list';

/** Who calls: nobody, a shopper or an admin holding every permission (seed accounts). */
export interface Caller {
  name: 'anonymous' | 'shopper' | 'staff';
  token: string | undefined;
}

export interface FuzzResponse {
  status: number;
  text: string;
  json: unknown;
}

/** Longer query URLs are refused by Node itself (431) before any cell code runs. */
const maxQueryUrlLength = 12_000;

/** Calls `procedure` over HTTP exactly as the tRPC client does: GET for queries, POST otherwise. */
export async function callProcedure(
  baseUrl: string,
  procedure: FuzzedProcedure,
  input: unknown,
  caller: Caller,
): Promise<FuzzResponse> {
  const headers: Record<string, string> = caller.token
    ? { authorization: `Bearer ${caller.token}` }
    : {};
  const encoded = input === undefined ? undefined : JSON.stringify(input);
  let response: Response;
  if (procedure.type === 'query') {
    let url = `${baseUrl}/trpc/${procedure.path}`;
    if (encoded !== undefined) url += `?input=${encodeURIComponent(encoded)}`;
    // An oversized query string goes as far as Node's header limit allows: the 431 is Node's.
    if (url.length > maxQueryUrlLength) url = url.slice(0, maxQueryUrlLength);
    response = await fetch(url, { headers });
  } else {
    response = await fetch(`${baseUrl}/trpc/${procedure.path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      ...(encoded !== undefined && { body: encoded }),
    });
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** Signs of internals in a body: stack frames, source or dependency paths. */
const internalsPattern =
  /\n\s+at |\bat (?:async )?[\w$.<>]+ \(|\/node_modules\/|\.tsx?:\d+|\.m?js:\d+:\d+|\/work\/|file:\/\//;

/**
 * What is wrong with a response, as sentences (empty: nothing). Every answer is below 500 and
 * shows no internals; a refusal is tRPC's JSON error with a message and a code.
 */
export function problemsOf(response: FuzzResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`status ${response.status}`);
  const internals = internalsPattern.exec(response.text);
  if (internals) problems.push(`the body shows internals (${JSON.stringify(internals[0])})`);
  // Node's own refusal of an oversized header comes before any cell code, with no body.
  if (response.status >= 400 && response.status !== 431) {
    const error = (response.json as { error?: { message?: unknown; data?: { code?: unknown } } })
      ?.error;
    if (typeof error?.message !== 'string' || error.message === '') {
      problems.push('the refusal has no tRPC error message');
    }
    if (typeof error?.data?.code !== 'string') problems.push('the refusal has no tRPC error code');
  }
  return problems;
}

/** One line saying what was sent and what came back, for a failure's message. */
export function describeCall(
  procedure: FuzzedProcedure,
  caller: Caller,
  input: unknown,
  response: FuzzResponse,
): string {
  const sent = JSON.stringify(input) ?? 'undefined';
  return (
    `${procedure.type} ${procedure.path} as ${caller.name} with ${sent.slice(0, 300)} ` +
    `answered ${response.status}: ${response.text.slice(0, 300)}`
  );
}
