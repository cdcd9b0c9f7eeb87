import { render, toPlainText } from '@react-email/components';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { mailConfig } from '../src/cells/notification/mail-config';
import { hostConfig } from '../src/config/host';
import { describeSmtpError, isPermanentSmtpError } from '../src/cells/notification/smtp-errors';
import { EmailLayout, EmailText } from '../src/cells/notification/templates/email-layout';
import { emailTemplates } from '../src/cells/notification/templates/registry';
import { renderEmail } from '../src/cells/notification/templates/render-email';

const context = { storefrontUrl: 'https://shop.example.com' };
const inAnHour = () => new Date(Date.now() + 60 * 60_000).toISOString();

describe('email templates', () => {
  const samples = {
    welcome: { name: 'Ada' },
    'verify-email': { name: 'Ada', token: 'tok/en+1', expiresAt: inAnHour() },
    'password-reset': { name: 'Ada', token: 'tok/en+1', expiresAt: inAnHour() },
  } as const;

  it.each(Object.keys(samples) as (keyof typeof samples)[])(
    '%s renders HTML and a readable plain-text part, without an unsubscribe note',
    async (id) => {
      const email = await renderEmail(emailTemplates[id] as never, samples[id] as never, context);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.text.toLowerCase()).toContain('ada'); // headings come out in capitals
      expect(email.text).not.toMatch(/<[a-z]/i);
      expect(email.text).toContain('it is not marketing');
      expect(email.text).not.toMatch(/unsubscribe|turn them off/i);
    },
  );

  it('puts the encoded token in the storefront links', async () => {
    const reset = await renderEmail(
      emailTemplates['password-reset'],
      samples['password-reset'],
      context,
    );
    expect(reset.text).toContain('https://shop.example.com/reset-password?token=tok%2Fen%2B1');
    expect(reset.text).toMatch(/expires in 60 minutes/);
    const verify = await renderEmail(
      emailTemplates['verify-email'],
      samples['verify-email'],
      context,
    );
    expect(verify.html).toContain(
      'href="https://shop.example.com/verify-email?token=tok%2Fen%2B1"',
    );
  });

  it('refuses props that do not fit the template', async () => {
    await expect(
      renderEmail(
        emailTemplates['password-reset'],
        { name: 'Ada', token: '', expiresAt: 'soon' },
        context,
      ),
    ).rejects.toMatchObject({
      name: 'ZodError',
      issues: [
        expect.objectContaining({ path: ['token'] }),
        expect.objectContaining({ path: ['expiresAt'] }),
      ],
    });
  });

  it('gives marketing mail, and only marketing mail, the unsubscribe note', async () => {
    const unsubscribeUrl = 'https://shop.example/unsubscribe?token=abc.def';
    const html = await render(
      createElement(EmailLayout, {
        preview: 'News',
        context: { ...context, unsubscribeUrl },
        marketing: true,
        children: createElement(EmailText, { children: 'New arrivals' }),
      }),
    );
    // The visible one-click link (issue 18), besides the List-Unsubscribe headers.
    expect(toPlainText(html)).toContain(`Unsubscribe ${unsubscribeUrl} with one click`);
  });
});

describe('SMTP failures', () => {
  const smtpError = (fields: Record<string, unknown>, message = 'failed') =>
    Object.assign(new Error(message), fields);

  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, true],
    [{ code: 'EMESSAGE', responseCode: 552 }, true],
    [{ code: 'EAUTH', responseCode: 535 }, true],
    [{ code: 'EENVELOPE', responseCode: 503 }, false],
    [{ code: 'EMESSAGE', responseCode: 421 }, false],
    [{ code: 'EENVELOPE', responseCode: 451 }, false],
    [{ code: 'ECONNECTION' }, false],
    [{ code: 'ETIMEDOUT' }, false],
    [{ code: 'ESOCKET' }, false],
    [{ code: 'EAUTH' }, true],
    [{ code: 'EENVELOPE' }, true],
    [{ code: 'EMESSAGE', responseCode: 451, permanent: false }, false],
    [{}, false],
  ])('%o is permanent: %s', (fields, permanent) => {
    expect(isPermanentSmtpError(smtpError(fields))).toBe(permanent);
  });

  it('describes an error with its codes and without URL credentials', () => {
    const error = smtpError(
      { code: 'ECONNECTION', responseCode: 421 },
      'connect to smtps://apikey:hunter2@smtp.example.com:465 failed',
    );
    const text = describeSmtpError(error);
    expect(text).toMatch(/^ECONNECTION 421: /);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('apikey');
    expect(describeSmtpError(smtpError({}, 'x'.repeat(2_000))).length).toBeLessThanOrEqual(500);
  });
});

describe('mail configuration', () => {
  it('has local defaults and trims the storefront URL', () => {
    expect(
      mailConfig(hostConfig.parse({ STOREFRONT_PUBLIC_URL: 'https://shop.example.com/' })),
    ).toEqual({
      smtpUrl: undefined,
      from: 'Shop <no-reply@shop.localhost>',
      storefrontUrl: 'https://shop.example.com',
    });
    expect(mailConfig(hostConfig.parse({})).storefrontUrl).toBe('http://127.0.0.1:3000');
  });

  it('is checked with the host configuration, which names a bad variable without its value', () => {
    const bad = { SMTP_URL: 'http://user:secret@host', MAIL_FROM: 'x' };
    expect(() => hostConfig.parse(bad)).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => hostConfig.parse(bad)).toThrow(/MAIL_FROM: must be a sender/);
    expect(() => hostConfig.parse(bad)).not.toThrow(/secret/);
  });
});
