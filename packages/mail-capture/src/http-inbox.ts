import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { renderInboxPage } from './inbox-page';
import type { MessageStore } from './message-store';

export interface HttpInbox {
  port: number;
  stop(): Promise<void>;
}

const recipientFilter = z.string().trim().toLowerCase().max(320).optional();
const messageId = z.string().regex(/^[a-z0-9-]{1,64}$/);

/**
 * The inbox over HTTP: a page for people (`/`) and a JSON API for tests
 * (`GET /api/messages?to=`, `GET /api/messages/:id`, `DELETE /api/messages?to=`).
 */
export async function startHttpInbox({
  port,
  host,
  store,
}: {
  port: number;
  host: string;
  store: MessageStore;
}): Promise<HttpInbox> {
  const server = createServer((request, response) => {
    handle(request, response, store).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
      else response.end();
    });
  });
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, store: MessageStore) {
  const url = new URL(request.url ?? '/', 'http://inbox');
  const method = request.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const to = recipientFilter.safeParse(url.searchParams.get('to') || undefined);
  if (!to.success) return sendJson(response, 400, { error: 'to must be an email address' });

  if (path === '/healthz') return sendJson(response, 200, { ok: true });

  if (path === '/api/messages') {
    if (method === 'GET') return sendJson(response, 200, { items: store.list({ to: to.data }) });
    if (method === 'DELETE') {
      return sendJson(response, 200, { deleted: await store.clear({ to: to.data }) });
    }
    return methodNotAllowed(response, 'GET, DELETE');
  }

  const apiMessage = /^\/api\/messages\/([^/]+)$/.exec(path);
  if (apiMessage) {
    if (method !== 'GET') return methodNotAllowed(response, 'GET');
    const message = lookUp(store, apiMessage[1]);
    return message
      ? sendJson(response, 200, message)
      : sendJson(response, 404, { error: 'No such message' });
  }

  const body = /^\/messages\/([^/]+)\/body\.html$/.exec(path);
  if (body) {
    const message = lookUp(store, body[1]);
    if (!message?.html) return sendJson(response, 404, { error: 'No HTML body' });
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // The email's HTML is untrusted: no scripts, no access to the inbox's origin.
      'content-security-policy': 'sandbox allow-popups allow-popups-to-escape-sandbox',
      'x-content-type-options': 'nosniff',
    });
    // Links in the email open in a new tab instead of inside the frame.
    return response.end(`<base target="_blank">${message.html}`);
  }

  if (path === '/clear' && method === 'POST') {
    await store.clear();
    response.writeHead(303, { location: '/' });
    return response.end();
  }

  if (path === '/') {
    if (method !== 'GET') return methodNotAllowed(response, 'GET');
    const id = url.searchParams.get('id');
    const page = renderInboxPage({
      messages: store.list({ to: to.data }),
      selected: id ? lookUp(store, id) : undefined,
      view: url.searchParams.get('view') === 'text' ? 'text' : 'html',
      to: to.data,
    });
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'",
    });
    return response.end(page);
  }

  return sendJson(response, 404, { error: 'Not found' });
}

function lookUp(store: MessageStore, rawId: string | undefined) {
  const id = messageId.safeParse(rawId);
  return id.success ? store.get(id.data) : undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function methodNotAllowed(response: ServerResponse, allow: string) {
  response.setHeader('allow', allow);
  sendJson(response, 405, { error: `Method not allowed; use ${allow}` });
}
