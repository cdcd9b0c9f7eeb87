import { NextResponse, type NextRequest } from 'next/server';
import { rootLogger } from '@shop/api/observability';
import { visitorCells } from '@/app/(account)/_actions/public-cells';
import { siteUrl } from '@/server/site-url';

const linkToken = /^[A-Za-z0-9_.-]{20,600}$/;

/**
 * RFC 8058 one-click unsubscribe: the URL in every marketing email's `List-Unsubscribe`. Mail
 * providers POST `List-Unsubscribe=One-Click` here, without cookies, from their own servers, so
 * no same-origin check applies; the signed token is the only credential and it can only
 * unsubscribe. A GET (a person, or a client without one-click) only redirects to the page with
 * the button: opening a link never changes anything.
 */
export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  if (!linkToken.test(token)) return NextResponse.json({ error: 'invalid link' }, { status: 400 });
  try {
    await (await visitorCells()).notification.unsubscribe.mutate({ token, via: 'one-click' });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus ?? 502;
    if (status >= 500) rootLogger.warn({ status }, 'one-click unsubscribe failed');
    return NextResponse.json(
      { error: status === 404 ? 'invalid link' : 'try again later' },
      { status: status === 404 ? 404 : 502 },
    );
  }
}

export function GET(request: NextRequest) {
  // The public origin: behind a proxy the request's own origin can be an internal address.
  const page = new URL('/unsubscribe', siteUrl());
  page.searchParams.set('token', request.nextUrl.searchParams.get('token') ?? '');
  return NextResponse.redirect(page, 303);
}
