// Artillery processor for the whole-platform load (scenario.ts). CommonJS because Artillery
// loads processors with require(). Each function is named in the script by its export name.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file (see above)
const { randomUUID, randomInt } = require('node:crypto');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file (see above)
const { appendFileSync } = require('node:fs');

/** Per shopper: an address of their own (the gateway limits per client) and a checkout key. */
function newShopper(context, _events, done) {
  context.vars.clientAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  context.vars.idempotencyKey = randomUUID();
  context.vars.polls = 0;
  return done();
}

/** order.place's body, built here so the quoted total stays a number. */
function placeOrderBody(requestParams, context, _events, done) {
  requestParams.json = {
    0: {
      idempotencyKey: context.vars.idempotencyKey,
      email: `load-${context.vars.idempotencyKey.slice(0, 8)}@example.com`,
      shippingAddress: {
        name: 'Load Shopper',
        line1: '1 Load Street',
        city: 'Dublin',
        postcode: 'D02 X285',
        country: 'IE',
      },
      shippingMethodId: context.vars.shippingMethodId,
      paymentMethod: 'card',
      expectedTotalMinor: Number(context.vars.totalMinor),
    },
  };
  return done();
}

const maxPolls = 150;
const settled = (status) => status === 'CANCELLED' || status === 'CONFIRMED';

/** Polls order.get until the saga has started the payment (the pay form appears). */
function awaitingPayForm(context, next) {
  context.vars.polls += 1;
  const waiting =
    !context.vars.clientSecret && !settled(context.vars.status) && context.vars.polls < maxPolls;
  return next(waiting);
}

/** Polls order.get after paying until the order settles. */
function awaitingConfirmation(context, next) {
  context.vars.polls += 1;
  return next(!settled(context.vars.status) && context.vars.polls < maxPolls * 2);
}

/**
 * Every answer that is not 2xx, one JSON line each in LOAD_NOT_OK_LOG (set by run-artillery.ts):
 * the step's group, method, path, tRPC input, status and the start of the body (the error's
 * message), so each one can be explained (not-ok-log.ts sums them by cause).
 */
function recordNotOk(requestParams, response, context, _events, done) {
  const status = response.statusCode;
  const log = process.env.LOAD_NOT_OK_LOG;
  if (log && (status < 200 || status >= 300)) {
    const line = {
      group: requestParams.name,
      method: (requestParams.method || 'GET').toUpperCase(),
      url: String(requestParams.url),
      input: requestParams.searchParams
        ? new URLSearchParams(String(requestParams.searchParams)).get('input')
        : undefined,
      sent: requestParams.json,
      status,
      body: typeof response.body === 'string' ? response.body.slice(0, 600) : '',
      clientAddress: context.vars.clientAddress,
      at: new Date().toISOString(),
    };
    appendFileSync(log, `${JSON.stringify(line)}\n`);
  }
  return done();
}

module.exports = {
  newShopper,
  placeOrderBody,
  awaitingPayForm,
  awaitingConfirmation,
  recordNotOk,
};
