import { prettyLogLine } from '@shop/telemetry';
import { describe, expect, it } from 'vitest';
import { runInRequestScope } from '../src/observability/request-context';
import { captureLogs } from './support/log-capture';

// Issue 16: the seed's log structure, and what must never reach a log line even when code logs
// it by mistake (pino redact, @shop/telemetry's sensitive-keys.ts).

describe('a log line', () => {
  it('has the seed structure: timestamp, level name, service, message, metadata', () => {
    const { logger, lines } = captureLogs();
    logger.child({ requestId: 'req-1' }).warn({ orderId: 'o-1', totalMinor: 999 }, 'order held');
    expect(lines[0]).toEqual({
      level: 'WARN',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'test',
      requestId: 'req-1',
      message: 'order held',
      metadata: { orderId: 'o-1', totalMinor: 999 },
    });
  });

  it('names the user of the request it was written for, once the token was verified', async () => {
    const { rootLogger } = await import('../src/observability/logger');
    const { captureProcessLogs } = await import('./support/process-logs');
    const lines: Record<string, unknown>[] = [];
    captureProcessLogs((line) => lines.push(line));
    rootLogger.level = 'info'; // the suites run it silent
    const { rememberUserId } = await import('../src/observability/request-context');
    runInRequestScope({ requestId: 'r', authorization: undefined, memo: new Map() }, () => {
      rootLogger.info('before sign-in is known');
      rememberUserId({ accountId: 'acc-42' });
      rootLogger.info('after');
    });
    expect(lines.map((line) => line.userId)).toEqual([undefined, 'acc-42']);
  });

  it('never holds tokens, passwords, card data, emails or addresses, at any depth logged', () => {
    const { logger, lines } = captureLogs();
    const secrets = {
      password: 'hunter2-correct-horse',
      token: 'tok_9f8e7d6c5b4a',
      refreshToken: 'rt_0123456789abcdef',
      clientSecret: 'pi_secret_abcdef',
      authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
      cookie: 'next-auth.session-token=abc',
      number: '4242424242424242',
      cvc: '737',
      email: 'private.person@example.com',
      line1: '12 Secret Lane',
      postcode: 'D02 XY45',
      phone: '+353871234567',
    };
    logger.info({ ...secrets }, 'flat');
    logger.info({ input: { ...secrets } }, 'one level down');
    logger.info({ request: { headers: { authorization: secrets.authorization } } }, 'headers');
    logger.info({ order: { shippingAddress: { line1: secrets.line1 } } }, 'address object');
    logger.info({ payment: { card: { number: secrets.number, cvc: secrets.cvc } } }, 'card');
    const everything = JSON.stringify(lines);
    for (const [what, value] of Object.entries(secrets)) {
      expect(everything.includes(value), `${what} in a log line`).toBe(false);
    }
    expect(lines[0]?.metadata).toMatchObject({ password: '[redacted]', email: '[redacted]' });
    expect(lines[3]?.metadata).toEqual({ order: { shippingAddress: '[redacted]' } });
  });
});

describe('the development format', () => {
  it('prints level, service, message and the fields that matter on one line', () => {
    const line = JSON.stringify({
      level: 'INFO',
      timestamp: '2026-12-05T03:00:01.234Z',
      service: 'order',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      requestId: 'req-7',
      metadata: { orderId: 'o-1' },
      message: 'order placed',
    });
    expect(prettyLogLine(line)).toBe(
      '03:00:01.234 INFO  order  order placed  orderId=o-1 requestId=req-7 traceId=4bf92f3577b34da6a3ce929d0e0e4736\n',
    );
  });
});
