import { fileURLToPath } from 'node:url';
import type { LoadData } from './load-data';

/**
 * The shoppers' mix as an Artillery script: each arrival is one shopper's visit (a scenario),
 * picked by weight: 55 browsing, 20 search, 15 cart, 7 sign-in and account, 3 checkout to
 * CONFIRMED. Requests are named by route group, which the report's percentiles are per.
 * The tRPC calls are the browser's: batched (`?batch=1`) through the storefront's gateway
 * (`/api/cells/<domain>/<procedure>`), POSTs as same-origin JSON.
 */
export const routeGroups = ['browse', 'search', 'cart', 'account', 'checkout'] as const;
export type RouteGroup = (typeof routeGroups)[number];

const processorPath = fileURLToPath(new URL('./shopper-processor.cjs', import.meta.url));

const shopperHeaders = { 'x-forwarded-for': '{{ clientAddress }}' };
const postHeaders = { ...shopperHeaders, 'sec-fetch-site': 'same-origin' };
const batch = (input: string) => ({ batch: '1', input: `{"0":${input}}` });
const trpcGet = (group: RouteGroup, procedure: string, input: string, extra = {}) => ({
  get: {
    url: `/api/cells/${procedure.split('.')[0]}/${procedure}`,
    qs: batch(input),
    headers: shopperHeaders,
    name: group,
    ...extra,
  },
});
const trpcPost = (group: RouteGroup, procedure: string, body: unknown, extra = {}) => ({
  post: {
    url: `/api/cells/${procedure.split('.')[0]}/${procedure}?batch=1`,
    json: body,
    headers: postHeaders,
    name: group,
    ...extra,
  },
});
const page = (group: RouteGroup, url: string) => ({
  get: { url, headers: shopperHeaders, name: group },
});
/**
 * `strict`: the visit ends when the answer lacks the value (Artillery counts a failed capture),
 * as a browser stops at an error; without it, the next steps go out with the value missing (an
 * order.place that failed left 150 order.get polls for order "undefined", each a 400). Lenient
 * only where a missing value is normal (the pay form's secret before the saga has started).
 */
const capture = (path: string, as: string, strict = false) => ({
  json: `$[0].result.data.${path}`,
  as,
  strict,
});
const orderGet = trpcGet(
  'checkout',
  'order.get',
  '{"orderId":"{{ orderId }}","accessToken":"{{ accessToken }}"}',
  { capture: [capture('status', 'status'), capture('payment.clientSecret', 'clientSecret')] },
);

/**
 * 0.2 s between order.get polls. Written as a duration: Artillery reads a whole number as seconds
 * but hands any other number to `ms()`, which formats it ("0.2ms") instead of parsing it, and
 * setTimeout takes that string as no wait at all: `think: 0.2` polled back to back, and a checkout
 * whose order.place had failed sent its 150 polls in a few seconds, past the gateway's per-client
 * limit (the 429s of the fault test).
 */
const pollPause = { think: '200ms' };

export interface ScriptOptions {
  target: string;
  /** Arrivals (shopper visits) per second. */
  rate: number;
  seconds: number;
  data: LoadData;
  /** Think time between a shopper's steps, in seconds. */
  thinkSeconds: number;
}

export function artilleryScript(options: ScriptOptions) {
  const think = { think: options.thinkSeconds };
  const { data } = options;
  return {
    config: {
      target: options.target,
      phases: [{ duration: options.seconds, arrivalRate: options.rate }],
      processor: processorPath,
      // A request slower than 10 s counts as an error (ETIMEDOUT): the gateway's own limit.
      http: { timeout: 10 },
      plugins: { 'metrics-by-endpoint': { useOnlyRequestNames: true, stripQueryString: true } },
      variables: {
        category: data.categories,
        product: data.products,
        sku: data.skus,
        word: data.searchWords,
        prefix: data.prefixes,
      },
    },
    scenarios: [
      {
        name: 'browse',
        weight: 55,
        beforeScenario: 'newShopper',
        afterResponse: 'recordNotOk',
        flow: [
          page('browse', '/'),
          think,
          page('browse', '/categories/{{ category }}'),
          think,
          page('browse', '/products/{{ product }}'),
        ],
      },
      {
        name: 'search',
        weight: 20,
        beforeScenario: 'newShopper',
        afterResponse: 'recordNotOk',
        flow: [
          trpcGet('search', 'search.suggest', '{"q":"{{ prefix }}"}'),
          think,
          trpcGet('search', 'search.query', '{"q":"{{ word }}"}'),
          page('search', '/search?q={{ word }}'),
        ],
      },
      {
        name: 'cart',
        weight: 15,
        beforeScenario: 'newShopper',
        afterResponse: 'recordNotOk',
        flow: [
          // The cart page issues the guest's cart cookie (proxy.ts), as any first page does.
          page('cart', '/cart'),
          trpcGet('cart', 'order.cart', '{}'),
          think,
          // Strict: a failed add ends the visit (no updateCartLine for a line never added).
          trpcPost(
            'cart',
            'order.addToCart',
            { 0: { sku: '{{ sku }}', quantity: 1 } },
            { capture: capture('itemCount', 'itemCount', true) },
          ),
          trpcGet('cart', 'order.cart', '{}'),
          trpcPost('cart', 'order.updateCartLine', { 0: { sku: '{{ sku }}', quantity: 2 } }),
        ],
      },
      {
        name: 'account',
        weight: 7,
        beforeScenario: 'newShopper',
        afterResponse: 'recordNotOk',
        flow: [
          {
            get: {
              url: '/api/auth/csrf',
              headers: shopperHeaders,
              name: 'account',
              capture: { json: '$.csrfToken', as: 'csrfToken' },
            },
          },
          {
            post: {
              url: '/api/auth/callback/credentials',
              headers: postHeaders,
              name: 'account',
              form: {
                csrfToken: '{{ csrfToken }}',
                email: data.customer.email,
                password: data.customer.password,
                json: 'true',
              },
              followRedirect: false,
            },
          },
          think,
          page('account', '/account'),
          page('account', '/account/orders'),
        ],
      },
      {
        name: 'checkout',
        weight: 3,
        beforeScenario: 'newShopper',
        afterResponse: 'recordNotOk',
        flow: [
          page('checkout', '/cart'),
          trpcPost(
            'checkout',
            'order.addToCart',
            { 0: { sku: '{{ sku }}', quantity: 1 } },
            { capture: capture('itemCount', 'itemCount', true) },
          ),
          trpcGet('checkout', 'order.checkoutOptions', '{}', {
            capture: capture('shippingMethods[0].id', 'shippingMethodId', true),
          }),
          trpcGet(
            'checkout',
            'order.quote',
            '{"shippingMethodId":"{{ shippingMethodId }}","country":"IE"}',
            {
              capture: capture('totalMinor', 'totalMinor', true),
            },
          ),
          trpcPost(
            'checkout',
            'order.place',
            {},
            {
              beforeRequest: 'placeOrderBody',
              capture: [
                capture('orderId', 'orderId', true),
                capture('guestAccessToken', 'accessToken', true),
              ],
            },
          ),
          { loop: [pollPause, orderGet], whileTrue: 'awaitingPayForm' },
          trpcPost('checkout', 'payment.confirmTestPayment', {
            0: {
              paymentId: '{{ orderId }}',
              clientSecret: '{{ clientSecret }}',
              card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' },
            },
          }),
          { loop: [pollPause, orderGet], whileTrue: 'awaitingConfirmation' },
        ],
      },
    ],
  };
}
