import { afterEach, describe, expect, it, vi } from 'vitest';
import { cspReportHandler, violationsIn } from './csp-report';

const post = (body: string, type = 'application/csp-report') =>
  new Request('http://127.0.0.1:3000/api/csp-report', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the CSP report endpoint', () => {
  it('reads report-uri reports, dropping query strings (tokens live there)', async () => {
    const violations = await violationsIn(
      post(
        JSON.stringify({
          'csp-report': {
            'document-uri': 'https://shop.example/reset-password?token=secret-token',
            'violated-directive': 'script-src-elem',
            'effective-directive': 'script-src-elem',
            'blocked-uri': 'https://evil.example/x.js?steal=1',
            'line-number': 3,
          },
        }),
      ),
    );
    expect(violations).toEqual([
      {
        document: 'https://shop.example/reset-password',
        directive: 'script-src-elem',
        blocked: 'https://evil.example/x.js',
        source: undefined,
        line: 3,
        disposition: undefined,
      },
    ]);
  });

  it('reads Reporting API batches, CSP violations only', async () => {
    const violations = await violationsIn(
      post(
        JSON.stringify([
          {
            type: 'csp-violation',
            body: {
              documentURL: 'https://shop.example/',
              blockedURL: 'inline',
              effectiveDirective: 'script-src-elem',
            },
          },
          { type: 'deprecation', body: {} },
        ]),
        'application/reports+json',
      ),
    );
    expect(violations).toEqual([
      expect.objectContaining({ document: 'https://shop.example/', blocked: 'inline' }),
    ]);
  });

  it('ignores garbage and oversized bodies, and always answers 204', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = cspReportHandler('storefront');
    expect((await handler(post('not json'))).status).toBe(204);
    expect(
      (await handler(post(JSON.stringify({ 'csp-report': { x: 'y'.repeat(20_000) } })))).status,
    ).toBe(204);
    expect(warn).not.toHaveBeenCalled();
    await handler(post(JSON.stringify({ 'csp-report': { 'blocked-uri': 'eval' } })));
    expect(warn).toHaveBeenCalledOnce();
    expect(JSON.parse(String(warn.mock.calls[0]?.[0]))).toMatchObject({
      msg: 'csp violation',
      app: 'storefront',
      blocked: 'eval',
    });
  });
});
