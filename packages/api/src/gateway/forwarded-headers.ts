import { cellCredentialHeader } from '../client/cell-credential';

/**
 * Which browser headers reach a cell. An allow-list rather than a deny-list: hop-by-hop
 * headers (connection, keep-alive, transfer-encoding, upgrade, te, trailer, proxy-*), cookies,
 * `authorization`, the internal credential and Next.js's internal headers are never forwarded,
 * whatever a browser sends.
 */
const forwardedRequestHeaders = [
  'accept',
  'accept-language',
  'content-type',
  'user-agent',
  'trpc-accept',
  'x-trpc-source',
];

/** Which cell response headers reach the browser: no set-cookie, no hop-by-hop, no encoding. */
const returnedResponseHeaders = ['content-type', 'cache-control', 'retry-after'];

export function headersForCell(
  fromBrowser: Headers,
  context: { requestId: string; clientAddress: string; cellCredential?: string },
): Headers {
  const toCell = new Headers();
  for (const name of forwardedRequestHeaders) {
    const value = fromBrowser.get(name);
    if (value !== null) toCell.set(name, value);
  }
  toCell.set('x-request-id', context.requestId);
  // Exactly one address, which the cell believes because the credential comes with it.
  toCell.set('x-forwarded-for', context.clientAddress);
  if (context.cellCredential) toCell.set(cellCredentialHeader, context.cellCredential);
  return toCell;
}

export function headersForBrowser(fromCell: Headers, requestId: string): Headers {
  const toBrowser = new Headers();
  for (const name of returnedResponseHeaders) {
    const value = fromCell.get(name);
    if (value !== null) toBrowser.set(name, value);
  }
  toBrowser.set('x-request-id', requestId);
  return toBrowser;
}
