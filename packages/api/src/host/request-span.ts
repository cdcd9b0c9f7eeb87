import type { Attributes } from '@shop/telemetry';

/**
 * A request's span name and attributes, named for what it does: `trpc order.place`,
 * `inngest payment confirm-payment`, `GET /healthz`. `shop.cell` names the cell that answers, so
 * a trace shows which cells one checkout crossed even where one host serves them all.
 */
export function requestSpanOf(
  method: string,
  pathname: string,
  url: string,
): { name: string; attributes: Attributes } {
  if (pathname.startsWith('/trpc/')) {
    const procedures = safeDecode(pathname.slice('/trpc/'.length));
    const cell = procedures.split('.')[0] ?? '';
    return {
      name: `trpc ${procedures}`,
      attributes: { 'shop.cell': cell, 'rpc.system': 'trpc', 'rpc.method': procedures },
    };
  }
  if (pathname.startsWith('/api/inngest/')) {
    const cell = pathname.slice('/api/inngest/'.length);
    // Only these spans read the query (the function and step Inngest calls).
    const query = url.indexOf('?');
    const search = new URLSearchParams(query === -1 ? '' : url.slice(query + 1));
    const fnId = search.get('fnId') ?? '';
    return {
      name: `inngest ${cell} ${fnId.replace(/^shop-[a-z]+-/, '') || method}`.trim(),
      attributes: {
        'shop.cell': cell,
        'inngest.function': fnId,
        'inngest.step': search.get('stepId') ?? '',
      },
    };
  }
  return { name: `${method} ${pathname}`, attributes: { 'url.path': pathname } };
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
