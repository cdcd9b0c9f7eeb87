import type { Domain } from '../domains';
import { cellCredentialHeader } from '../client/cell-credential';
import { cellUrlsFromEnv } from '../client/cell-urls';
import { allowedOriginsFrom, appServerConfig } from '../config/app-server';
import { clientAddressOf } from './client-address';
import { foreignOriginRefusal } from './cross-site';
import { accessTokenFromSession, type IdentityOptions } from './identity';
import { requestIdFrom } from './request-id';

/** The upload types the apps' pages send (the file's own type); the cell sniffs the bytes anyway. */
const uploadTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

const json = (status: number, message: string, requestId: string) =>
  Response.json({ error: { message } }, { status, headers: { 'x-request-id': requestId } });

function cellBase(cell: Domain): { base: string; credential?: string } {
  const urls = cellUrlsFromEnv(appServerConfig());
  return { base: urls(cell).replace(/\/trpc$/, ''), credential: urls.cellCredential };
}

export interface MediaUploadRoute {
  identity: IdentityOptions;
  /** The cell that stores the file, and its upload path there. */
  cell: Domain;
  cellPath: string;
  /** The cell refuses larger files too; refusing here saves forwarding them. */
  maxBytes: number;
  /** Said when the cell does not answer. */
  unavailable: string;
  /**
   * A header that stands in for the session (the review request link, `x-review-link`): sent on
   * to the cell as it came, which checks it; the session is then not asked.
   */
  linkHeader?: string;
}

/**
 * An app's image upload route: one image file as the raw body. The gateway takes JSON only (its
 * CSRF rule), so uploads have routes of their own, with the same origin rule and, instead of
 * JSON, image types only (no HTML form can send those, and another origin's script would need a
 * preflight this route never grants). The access token comes from the app's session cookie,
 * never from the browser; the body is streamed on to the cell with the internal credential, and
 * the cell checks the permission, the bytes and the size.
 */
export function mediaUploadHandlers(route: MediaUploadRoute) {
  const config = appServerConfig();
  const allowedOrigins = allowedOriginsFrom(config);
  const megabytes = route.maxBytes / 1024 / 1024;
  const POST = async (request: Request): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const foreign = foreignOriginRefusal(request.headers, allowedOrigins);
    if (foreign) return json(foreign.status, foreign.message, requestId);
    const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
    if (!type || !uploadTypes.includes(type)) {
      return json(415, 'Send one image file (JPEG, PNG or WebP) as the body.', requestId);
    }
    const declared = Number(request.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > route.maxBytes) {
      return json(413, `The file is larger than ${megabytes} MB; use a smaller photo.`, requestId);
    }
    const link = route.linkHeader ? request.headers.get(route.linkHeader) : null;
    const accessToken = link ? null : await accessTokenFromSession(request.headers, route.identity);
    if (!link && !accessToken) return json(401, 'Sign in to upload images.', requestId);

    const { base, credential } = cellBase(route.cell);
    const headers: Record<string, string> = {
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      ...(link && route.linkHeader ? { [route.linkHeader]: link } : {}),
      'content-type': 'application/octet-stream',
      'x-request-id': requestId,
      'x-forwarded-for': clientAddressOf(request.headers),
    };
    if (credential) headers[cellCredentialHeader] = credential;
    let answer: Response;
    try {
      answer = await fetch(`${base}${route.cellPath}`, {
        method: 'POST',
        headers,
        body: request.body,
        // Stream the body on rather than holding it here (Node's fetch needs this to send a stream).
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
    } catch {
      return json(503, route.unavailable, requestId);
    }
    const headersOut: Record<string, string> = {
      'content-type': 'application/json',
      'x-request-id': requestId,
    };
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter) headersOut['retry-after'] = retryAfter;
    return new Response(await answer.text(), { status: answer.status, headers: headersOut });
  };
  return { POST };
}

const imageIdPattern = /^[0-9a-f]{32}$/;

/**
 * An app's `GET /media/<kind>/[id]?w=<width>`: a stored image from its cell, in the stored width
 * nearest above `w`. Ids are random, so an image not yet public is not guessable; the URL never
 * changes content, so browsers and CDNs may keep it for a year.
 */
export function mediaReadHandlers(route: { cell: Domain; cellPath: string }) {
  const GET = async (
    request: Request,
    context: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { id } = await context.params;
    const width = Number(new URL(request.url).searchParams.get('w') ?? '640');
    if (!imageIdPattern.test(id) || !Number.isInteger(width) || width < 1 || width > 4096) {
      return new Response('Not found', { status: 404 });
    }
    const { base, credential } = cellBase(route.cell);
    let answer: Response;
    try {
      answer = await fetch(`${base}${route.cellPath}?id=${id}&w=${width}`, {
        headers: credential ? { [cellCredentialHeader]: credential } : {},
      });
    } catch {
      return new Response('Image service unavailable', { status: 503 });
    }
    if (answer.status !== 200 || !answer.body) {
      await answer.body?.cancel();
      return new Response('Not found', { status: answer.status === 404 ? 404 : 502 });
    }
    const headers = new Headers({
      'content-type': answer.headers.get('content-type') ?? 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    const length = answer.headers.get('content-length');
    if (length) headers.set('content-length', length);
    return new Response(answer.body, { status: 200, headers });
  };
  return { GET };
}
