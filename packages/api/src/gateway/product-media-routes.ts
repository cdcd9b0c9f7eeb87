import { cellCredentialHeader } from '../client/cell-credential';
import { cellUrlsFromEnv } from '../client/cell-urls';
import { allowedOriginsFrom, appServerConfig } from '../config/app-server';
import { clientAddressOf } from './client-address';
import { foreignOriginRefusal } from './cross-site';
import { accessTokenFromSession, type IdentityOptions } from './identity';
import { requestIdFrom } from './request-id';

/** The product cell's own routes (cells/product/media-routes.ts), on its base URL. */
const cellUploadPath = '/media/product-images';
const cellReadPath = '/media/product-image';

/** The upload types the admin's page sends (the file's own type); the cell sniffs the bytes anyway. */
const uploadTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];
/** The cell refuses larger files too; refusing here saves forwarding them. */
const maxUploadBytes = 15 * 1024 * 1024;

const json = (status: number, message: string, requestId: string) =>
  Response.json({ error: { message } }, { status, headers: { 'x-request-id': requestId } });

function productCellBase(): { base: string; credential?: string } {
  const urls = cellUrlsFromEnv(appServerConfig());
  return { base: urls('product').replace(/\/trpc$/, ''), credential: urls.cellCredential };
}

/**
 * The admin's `POST /api/media/product-images`: one image file as the raw body. The gateway
 * takes JSON only (its CSRF rule), so uploads have this route of their own, with the same origin
 * rule and, instead of JSON, image types only (no HTML form can send those, and another origin's
 * script would need a preflight this route never grants). The staff member's access token comes
 * from the admin's session cookie, never from the browser; the body is streamed on to the product
 * cell with the internal credential, and the cell checks `catalog:write`, the bytes and the size.
 */
export function productImageUploadHandlers(options: { identity: IdentityOptions }) {
  const config = appServerConfig();
  const allowedOrigins = allowedOriginsFrom(config);
  const POST = async (request: Request): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const foreign = foreignOriginRefusal(request.headers, allowedOrigins);
    if (foreign) return json(foreign.status, foreign.message, requestId);
    const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
    if (!type || !uploadTypes.includes(type)) {
      return json(415, 'Send one image file (JPEG, PNG or WebP) as the body.', requestId);
    }
    const declared = Number(request.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxUploadBytes) {
      return json(413, 'The file is larger than 15 MB; use a smaller photo.', requestId);
    }
    const accessToken = await accessTokenFromSession(request.headers, options.identity);
    if (!accessToken) return json(401, 'Sign in to upload images.', requestId);

    const { base, credential } = productCellBase();
    const headers: Record<string, string> = {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/octet-stream',
      'x-request-id': requestId,
      'x-forwarded-for': clientAddressOf(request.headers),
    };
    if (credential) headers[cellCredentialHeader] = credential;
    let answer: Response;
    try {
      answer = await fetch(`${base}${cellUploadPath}`, {
        method: 'POST',
        headers,
        body: request.body,
        // Stream the body on rather than holding it here (Node's fetch needs this to send a stream).
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
    } catch {
      return json(503, 'The catalogue service is not answering; try again shortly.', requestId);
    }
    return new Response(await answer.text(), {
      status: answer.status,
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    });
  };
  return { POST };
}

const imageIdPattern = /^[0-9a-f]{32}$/;

/**
 * Both apps' `GET /media/product/[id]?w=<width>`: an uploaded product image from the product
 * cell, in the stored width nearest above `w`. Product images are public (ids are random, so an
 * unpublished product's images are not guessable). The URL never changes content, so browsers
 * and CDNs may keep it for a year. `next/image` uses it through `productImageLoader` (@shop/ui).
 */
export function productImageReadHandlers() {
  const GET = async (
    request: Request,
    context: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { id } = await context.params;
    const width = Number(new URL(request.url).searchParams.get('w') ?? '640');
    if (!imageIdPattern.test(id) || !Number.isInteger(width) || width < 1 || width > 4096) {
      return new Response('Not found', { status: 404 });
    }
    const { base, credential } = productCellBase();
    let answer: Response;
    try {
      answer = await fetch(`${base}${cellReadPath}?id=${id}&w=${width}`, {
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
