import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LatencyBook } from './latency-book';
import type { LoadData } from './load-data';
import type { RouteGroup } from './scenario';
import type { Answer, RequestOptions, ShopperSession } from './shopper-session';
import { benchShippingAddress } from '../shopper-address';

/**
 * The shoppers' mix of scenario.ts (bench:load), the same visits with the same weights and
 * requests, made by one session over its own connection: 55 browsing, 20 search, 15 cart,
 * 7 sign-in and account, 3 checkout to CONFIRMED. A step that fails (no answer, or 4xx/5xx)
 * ends the visit, as a shopper stops at an error page, rather than sending the next steps with
 * what the failed one should have given them (an updateCartLine for a line never added).
 */
export const visitWeights: [RouteGroup, number][] = [
  ['browse', 55],
  ['search', 20],
  ['cart', 15],
  ['account', 7],
  ['checkout', 3],
];

export function pickVisit(): RouteGroup {
  let roll = randomInt(100);
  for (const [group, weight] of visitWeights) {
    if (roll < weight) return group;
    roll -= weight;
  }
  return 'browse';
}

const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)]!;
const trpcPath = (procedure: string, input?: unknown) => {
  const base = `/api/cells/${procedure.split('.')[0]}/${procedure}?batch=1`;
  return input === undefined
    ? base
    : `${base}&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`;
};
/** `$[0].result.data` of a batched tRPC answer, or undefined. */
function trpcData(answer: Answer): Record<string, unknown> | undefined {
  if (answer.status !== 200) return undefined;
  try {
    const parsed = JSON.parse(answer.body) as [{ result?: { data?: Record<string, unknown> } }];
    return parsed[0]?.result?.data;
  } catch {
    return undefined;
  }
}

interface VisitContext {
  session: ShopperSession;
  data: LoadData;
  book: LatencyBook;
  /** Think time between a visit's steps, seconds (bench:load's `thinkSeconds`, 1). */
  thinkSeconds: number;
}

/** Thrown by a failed step to end its visit; the step itself is already counted. */
class VisitEnded extends Error {}

export async function runVisit(group: RouteGroup, context: VisitContext): Promise<void> {
  try {
    await visit(group, context);
  } catch (error) {
    if (!(error instanceof VisitEnded)) throw error;
  }
}

async function visit(group: RouteGroup, context: VisitContext): Promise<void> {
  const { session, data, book } = context;
  session.forgetCookies();
  const think = () => sleep(context.thinkSeconds * 1000);
  const call = async (
    step: string,
    method: 'GET' | 'POST',
    path: string,
    options?: RequestOptions,
  ) => {
    const answer = await session.request(method, path, options);
    book.record(group, step, answer);
    if (answer.status === 0 || answer.status >= 400) throw new VisitEnded(step);
    return answer;
  };
  const get = (procedure: string, input: unknown) =>
    call(procedure, 'GET', trpcPath(procedure, input), { keepBody: true });
  const post = (procedure: string, input: unknown) =>
    call(procedure, 'POST', trpcPath(procedure), { json: { 0: input }, keepBody: true });

  switch (group) {
    case 'browse':
      await call('home page', 'GET', '/');
      await think();
      await call('category page', 'GET', `/categories/${pick(data.categories)}`);
      await think();
      await call('product page', 'GET', `/products/${pick(data.products)}`);
      return;
    case 'search': {
      await get('search.suggest', { q: pick(data.prefixes) });
      await think();
      const word = pick(data.searchWords);
      await get('search.query', { q: word });
      await call('search page', 'GET', `/search?q=${encodeURIComponent(word)}`);
      return;
    }
    case 'cart': {
      const sku = pick(data.skus);
      await call('cart page', 'GET', '/cart');
      await get('order.cart', {});
      await think();
      await post('order.addToCart', { sku, quantity: 1 });
      await get('order.cart', {});
      await post('order.updateCartLine', { sku, quantity: 2 });
      return;
    }
    case 'account': {
      const csrf = await call('auth csrf', 'GET', '/api/auth/csrf', { keepBody: true });
      const csrfToken =
        csrf.status === 200
          ? (JSON.parse(csrf.body) as { csrfToken?: string }).csrfToken
          : undefined;
      if (!csrfToken) return;
      await call('sign-in', 'POST', '/api/auth/callback/credentials', {
        form: { csrfToken, ...data.customer, json: 'true' },
      });
      await think();
      await call('account page', 'GET', '/account');
      await call('account orders page', 'GET', '/account/orders');
      return;
    }
    case 'checkout':
      return checkout(call, get, post, context);
  }
}

type Call = (
  step: string,
  method: 'GET' | 'POST',
  path: string,
  options?: RequestOptions,
) => Promise<Answer>;
type Trpc = (procedure: string, input: unknown) => Promise<Answer>;

async function checkout(call: Call, get: Trpc, post: Trpc, { data }: VisitContext): Promise<void> {
  const sku = pick(data.skus);
  await call('cart page', 'GET', '/cart');
  if ((await post('order.addToCart', { sku, quantity: 1 })).status !== 200) return;
  const options = trpcData(await get('order.checkoutOptions', {}));
  const shippingMethodId = (options?.shippingMethods as { id: string }[] | undefined)?.[0]?.id;
  if (!shippingMethodId) return;
  const quote = trpcData(await get('order.quote', { shippingMethodId, country: 'IE' }));
  if (typeof quote?.totalMinor !== 'number') return;
  const idempotencyKey = randomUUID();
  const placed = trpcData(
    await post('order.place', {
      idempotencyKey,
      email: `load-${idempotencyKey.slice(0, 8)}@example.com`,
      shippingAddress: benchShippingAddress,
      shippingMethodId,
      paymentMethod: 'card',
      expectedTotalMinor: quote.totalMinor,
    }),
  );
  const orderId = placed?.orderId;
  const accessToken = placed?.guestAccessToken;
  if (typeof orderId !== 'string') return;
  const settled = (status: unknown) => status === 'CONFIRMED' || status === 'CANCELLED';
  // Polls every 0.2 s as scenario.ts does: until the pay form can show, then until it settles.
  let order: Record<string, unknown> | undefined;
  for (let polls = 0; polls < 150; polls += 1) {
    await sleep(200);
    order = trpcData(await get('order.get', { orderId, accessToken }));
    const payment = order?.payment as { clientSecret?: string } | undefined;
    if (payment?.clientSecret || settled(order?.status)) break;
  }
  const clientSecret = (order?.payment as { clientSecret?: string } | undefined)?.clientSecret;
  if (!clientSecret || settled(order?.status)) return;
  await post('payment.confirmTestPayment', {
    paymentId: orderId,
    clientSecret,
    card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' },
  });
  for (let polls = 0; polls < 300; polls += 1) {
    await sleep(200);
    if (settled(trpcData(await get('order.get', { orderId, accessToken }))?.status)) return;
  }
}
