import fc from 'fast-check';
import { rawRequests, type RawRequest } from '../../../packages/api/test/fuzz/raw-requests';

/**
 * The apps' own route handlers (gateway, events beacon, auth, uploads, webhooks, media, CSV
 * exports) sent malformed methods, content types, bodies and query strings, with and without the
 * app's own Origin: nothing answers 5xx or shows internals. The generator is the cell host fuzz's
 * (packages/api/test/fuzz, docs/security/fuzzing.md), so both surfaces get the same hostile input.
 */

/** A fixed seed, as in the cells' fuzz: a failure replays. `FUZZ_SEED` / `FUZZ_RUNS` change it. */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_205);
const runs = Number(process.env.FUZZ_RUNS ?? 3) * 50;

const internalsPattern =
  /\n\s+at |\bat (?:async )?[\w$.<>]+ \(|\/node_modules\/|\.tsx?:\d+|\/work\/|webpack-internal/;

export interface RouteAnswer {
  line: string;
  status: number;
  text: string;
}

async function send(
  baseUrl: string,
  request: RawRequest,
  sameOrigin: boolean,
): Promise<RouteAnswer> {
  const headers: Record<string, string> = {};
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.authorization) headers.authorization = request.authorization;
  if (sameOrigin) {
    headers.origin = baseUrl;
    headers['sec-fetch-site'] = 'same-origin';
  }
  const bodyAllowed = request.method !== 'GET' && request.method !== 'HEAD';
  const line = `${request.method} ${request.path}${request.query.slice(0, 80)} (${request.contentType}, same origin ${sameOrigin})`;
  try {
    const response = await fetch(`${baseUrl}${request.path}${request.query}`, {
      method: request.method,
      headers,
      redirect: 'manual',
      ...(bodyAllowed &&
        request.body !== undefined && {
          // A copy on its own ArrayBuffer: what the DOM's BodyInit type accepts.
          body: typeof request.body === 'string' ? request.body : new Uint8Array(request.body),
        }),
      signal: AbortSignal.timeout(30_000),
    });
    return { line, status: response.status, text: await response.text() };
  } catch (error) {
    // An app may close the connection on an oversized body before reading it.
    if (request.body !== undefined && request.body.length > 1_000_000)
      return { line, status: 413, text: '' };
    throw new Error(`${line}: no answer (${String(error)})`);
  }
}

/**
 * Sends `runs` generated requests to `paths` of the app at `baseUrl`; returns every answer that
 * is a 5xx (other than a route's by-design 503 "not configured") or shows internals.
 */
export async function fuzzRoutes(baseUrl: string, paths: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(rawRequests(paths), fc.boolean(), async (request, sameOrigin) => {
      const { line, status, text } = await send(baseUrl, request, sameOrigin);
      const notConfigured = status === 503 && /not configured/i.test(text);
      if (status >= 500 && !notConfigured)
        problems.push(`${line} answered ${status}: ${text.slice(0, 200)}`);
      if (internalsPattern.test(text))
        problems.push(`${line} showed internals: ${text.slice(0, 200)}`);
    }),
    { seed, numRuns: runs },
  );
  return problems;
}
