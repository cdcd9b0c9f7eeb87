import { generateKeyPairSync, sign } from 'node:crypto';
import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { bearer, queryUrl, request } from './support/http';
import { signInDemoAccounts, type SignedIn } from './support/login';

// SendGrid's signed Event Webhook, over HTTP: only a batch signed with the configured key, at a
// fresh timestamp, is read; bounces and spam reports suppress the address for marketing, while
// a temporary block, a deferral or a delivery does not.

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicKeyBase64 = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;

let platform: HostWithExecutor;
let support: SignedIn;

beforeAll(async () => {
  isolateTestDatabases();
  await seedDemoData();
  platform = await startHostWithExecutor(['auth', 'notification'], {
    env: { SENDGRID_WEBHOOK_PUBLIC_KEY: publicKeyBase64 },
  });
  ({ support } = await signInDemoAccounts(platform.host.url, ['support']));
});
afterAll(async () => {
  await platform?.stop();
});

function post(
  body: string,
  {
    key = privateKey,
    at = Math.floor(Date.now() / 1000),
    signature,
  }: {
    key?: typeof privateKey;
    at?: number;
    signature?: string;
  } = {},
) {
  const timestamp = String(at);
  return request(`${platform.host.url}/webhooks/mail-events/sendgrid`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-twilio-email-event-webhook-timestamp': timestamp,
      'x-twilio-email-event-webhook-signature':
        signature ?? sign('sha256', Buffer.from(timestamp + body), key).toString('base64'),
    },
    body,
  });
}

async function suppressedAddresses(): Promise<Map<string, string>> {
  const response = await request(
    queryUrl(platform.host.url, 'notification.listSuppressions', { pageSize: 48 }),
    { headers: bearer(support.token) },
  );
  const { items } = (
    response.json as {
      result: { data: { items: { email: string; reason: string }[] } };
    }
  ).result.data;
  return new Map(items.map((item) => [item.email, item.reason]));
}

const event = (fields: Record<string, unknown>) => ({
  timestamp: 1_796_000_000,
  sg_event_id: 'evt',
  sg_message_id: 'sg.1',
  'smtp-id': '<m1@shop.test>',
  category: ['newsletter'],
  ...fields,
});

describe('SendGrid event webhook', () => {
  it('suppresses hard bounces, spam reports and SendGrid’s own drops; ignores the rest', async () => {
    const batch = JSON.stringify([
      event({
        event: 'bounce',
        type: 'bounce',
        email: 'gone@example.com',
        reason: '550 5.1.1 no such user',
      }),
      event({ event: 'spamreport', email: 'angry@example.com' }),
      event({ event: 'dropped', email: 'known-bad@example.com', reason: 'Bounced Address' }),
      event({
        event: 'bounce',
        type: 'blocked',
        email: 'blocked@example.com',
        reason: '421 try later',
      }),
      event({ event: 'deferred', email: 'slow@example.com', reason: 'timeout' }),
      event({ event: 'delivered', email: 'fine@example.com', custom_arg: 'kept by SendGrid' }),
    ]);
    const handled = await post(batch);
    expect(handled.status).toBe(200);
    expect(handled.json).toEqual({ received: 6, suppressed: 3 });

    const suppressed = await suppressedAddresses();
    expect(suppressed.get('gone@example.com')).toBe('hard-bounce');
    expect(suppressed.get('angry@example.com')).toBe('complaint');
    expect(suppressed.get('known-bad@example.com')).toBe('hard-bounce');
    for (const email of ['blocked@example.com', 'slow@example.com', 'fine@example.com']) {
      expect(suppressed.has(email), email).toBe(false);
    }
  });

  it('refuses an unsigned, forged, altered or stale batch with 401, changing nothing', async () => {
    const body = JSON.stringify([event({ event: 'spamreport', email: 'forged@example.com' })]);
    expect((await post(body, { signature: '' })).status).toBe(401);
    expect((await post(body, { key: otherKey })).status).toBe(401);
    expect((await post(body, { signature: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await post(body, { at: stale })).status).toBe(401);
    // Signed, then one byte changed on the way.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign('sha256', Buffer.from(timestamp + body), privateKey).toString('base64');
    const altered = await request(`${platform.host.url}/webhooks/mail-events/sendgrid`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-timestamp': timestamp,
        'x-twilio-email-event-webhook-signature': signature,
      },
      body: body.replace('forged', 'forgeD'),
    });
    expect(altered.status).toBe(401);
    expect((await suppressedAddresses()).has('forged@example.com')).toBe(false);
  });

  it('answers a signed body that is not an event batch with 400', async () => {
    const notJson = await post('not json');
    expect(notJson.status).toBe(400);
    const wrongShape = await post(JSON.stringify({ events: [] }));
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.text).toMatch(/array/i);
    expect((await post('[]')).status).toBe(400);
  });
});
