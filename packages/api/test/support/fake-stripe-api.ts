import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, as the SDK sent it. */
export interface StripeApiCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  params: Record<string, string>;
}

export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
  last_payment_error: null | { code: string; decline_code?: string; message: string };
}

export interface FakeStripeApi {
  /** Host and port for the SDK's `host`/`port` (with `protocol: 'http'`). */
  host: string;
  port: number;
  calls: StripeApiCall[];
  intents: Map<string, FakeIntent>;
  /** Refunds created, by intent. */
  refunds: { id: string; payment_intent: string; amount: number }[];
  /** The next `POST /v1/refunds` is refused as Stripe refuses a bad request. */
  failNextRefund: boolean;
  /** The shopper paid in the browser: the intent succeeds (the test then sends the webhook). */
  succeed(intentId: string): FakeIntent;
  fail(intentId: string, code: string, message: string): FakeIntent;
  stop(): Promise<void>;
}

function stripeError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { type: 'invalid_request_error', code, message } }));
}

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(body))));
    req.on('error', reject);
  });
}

/**
 * A local HTTP server standing in for the parts of Stripe's API the payment cell uses
 * (PaymentIntents create/retrieve/cancel, refunds), keeping Stripe's idempotency rule: a repeated
 * `Idempotency-Key` answers the first response again and creates nothing.
 */
export async function startFakeStripeApi(): Promise<FakeStripeApi> {
  const calls: StripeApiCall[] = [];
  const intents = new Map<string, FakeIntent>();
  const refunds: FakeStripeApi['refunds'] = [];
  const replies = new Map<string, { status: number; body: string }>();
  const fake = { failNextRefund: false } as FakeStripeApi;

  const send = (res: ServerResponse, key: string | undefined, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    if (key) replies.set(key, { status, body: text });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const params = req.method === 'POST' ? await readForm(req) : {};
    const keyHeader = req.headers['idempotency-key'];
    const idempotencyKey = typeof keyHeader === 'string' ? keyHeader : undefined;
    calls.push({ method: req.method ?? 'GET', path, idempotencyKey, params });
    if (!String(req.headers.authorization).startsWith('Bearer sk_test_')) {
      return stripeError(res, 401, 'api_key_invalid', 'Invalid API Key provided');
    }
    const replay = idempotencyKey && replies.get(idempotencyKey);
    if (replay) {
      res.writeHead(replay.status, {
        'content-type': 'application/json',
        'idempotent-replayed': 'true',
      });
      return res.end(replay.body);
    }

    if (req.method === 'POST' && path === '/v1/payment_intents') {
      const id = `pi_${randomBytes(10).toString('hex')}`;
      const intent: FakeIntent = {
        id,
        object: 'payment_intent',
        amount: Number(params.amount),
        amount_received: 0,
        currency: params.currency ?? '',
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
        metadata: {
          orderId: params['metadata[orderId]'] ?? '',
          orderNumber: params['metadata[orderNumber]'] ?? '',
        },
        latest_charge: null,
        last_payment_error: null,
      };
      intents.set(id, intent);
      return send(res, idempotencyKey, 200, intent);
    }
    const intentPath = /^\/v1\/payment_intents\/([^/]+)(\/cancel)?$/.exec(path);
    if (intentPath) {
      const intent = intents.get(intentPath[1] ?? '');
      if (!intent) return stripeError(res, 404, 'resource_missing', 'No such payment_intent');
      if (req.method === 'GET') return send(res, undefined, 200, intent);
      if (intentPath[2]) {
        if (intent.status === 'succeeded' || intent.status === 'canceled') {
          return send(res, idempotencyKey, 400, {
            error: {
              type: 'invalid_request_error',
              code: 'payment_intent_unexpected_state',
              message: `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`,
            },
          });
        }
        intent.status = 'canceled';
        return send(res, idempotencyKey, 200, intent);
      }
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const intent = intents.get(params.payment_intent ?? '');
      if (!intent) return stripeError(res, 404, 'resource_missing', 'No such payment_intent');
      if (fake.failNextRefund) {
        fake.failNextRefund = false;
        return send(res, idempotencyKey, 400, {
          error: {
            type: 'invalid_request_error',
            code: 'charge_disputed',
            message: 'This charge is disputed.',
          },
        });
      }
      const already = refunds
        .filter((refund) => refund.payment_intent === intent.id)
        .reduce((sum, refund) => sum + refund.amount, 0);
      const amount = params.amount ? Number(params.amount) : intent.amount_received - already;
      if (intent.status !== 'succeeded' || amount + already > intent.amount_received) {
        return send(res, idempotencyKey, 400, {
          error: {
            type: 'invalid_request_error',
            code: 'amount_too_large',
            message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${intent.amount_received - already})`,
          },
        });
      }
      const refund = {
        id: `re_${randomBytes(10).toString('hex')}`,
        payment_intent: intent.id,
        amount,
      };
      refunds.push(refund);
      return send(res, idempotencyKey, 200, {
        ...refund,
        object: 'refund',
        status: 'succeeded',
        currency: intent.currency,
      });
    }
    return stripeError(
      res,
      404,
      'resource_missing',
      `Unrecognized request URL (${req.method} ${path})`,
    );
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const settle = (intentId: string, change: Partial<FakeIntent>) => {
    const intent = intents.get(intentId);
    if (!intent) throw new Error(`no intent ${intentId}`);
    Object.assign(intent, change);
    return intent;
  };
  return Object.assign(fake, {
    host: '127.0.0.1',
    port,
    calls,
    intents,
    refunds,
    succeed: (intentId: string) => {
      const intent = intents.get(intentId);
      return settle(intentId, {
        status: 'succeeded',
        amount_received: intent?.amount ?? 0,
        latest_charge: `ch_${randomBytes(10).toString('hex')}`,
      });
    },
    fail: (intentId: string, code: string, message: string) =>
      settle(intentId, {
        status: 'requires_payment_method',
        last_payment_error: { code: 'card_declined', decline_code: code, message },
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
