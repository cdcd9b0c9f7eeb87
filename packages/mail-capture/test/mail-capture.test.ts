import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMailCapture, type CapturedMessage, type MailCapture } from '../src/index';

let capture: MailCapture;

beforeAll(async () => {
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
});
afterAll(async () => {
  await capture.stop();
});
afterEach(async () => {
  await fetch(`${capture.inboxUrl}/api/messages`, { method: 'DELETE' });
});

function transportTo(smtpUrl: string) {
  return nodemailer.createTransport(smtpUrl);
}

async function inbox(to?: string): Promise<CapturedMessage[]> {
  const query = to ? `?to=${encodeURIComponent(to)}` : '';
  const response = await fetch(`${capture.inboxUrl}/api/messages${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

describe('mail capture', () => {
  it('keeps a message sent with nodemailer and serves it through the JSON API', async () => {
    await transportTo(capture.smtpUrl).sendMail({
      from: 'Shop <no-reply@shop.test>',
      to: 'Ada@Example.com',
      cc: 'grace@example.com',
      subject: 'Reset your password',
      text: 'Open https://shop.test/reset-password?token=abc',
      html: '<p>Open <a href="https://shop.test/reset-password?token=abc">this link</a></p>',
    });

    const [message] = await inbox('ada@example.com');
    expect(message).toMatchObject({
      to: ['ada@example.com', 'grace@example.com'],
      from: '"Shop" <no-reply@shop.test>',
      subject: 'Reset your password',
      text: expect.stringContaining('reset-password?token=abc'),
      html: expect.stringContaining('href="https://shop.test/reset-password?token=abc"'),
    });
    expect(Date.parse(message!.receivedAt)).not.toBeNaN();

    const one = await fetch(`${capture.inboxUrl}/api/messages/${message!.id}`);
    expect(await one.json()).toEqual(message);
    expect((await fetch(`${capture.inboxUrl}/api/messages/nope`)).status).toBe(404);
  });

  it('lists newest first, filters by recipient, and deletes per recipient', async () => {
    const transport = transportTo(capture.smtpUrl);
    for (const [to, subject] of [
      ['a@example.com', 'first'],
      ['b@example.com', 'second'],
      ['a@example.com', 'third'],
    ]) {
      await transport.sendMail({ from: 'shop@shop.test', to, subject, text: subject });
    }
    expect((await inbox()).map((m) => m.subject)).toEqual(['third', 'second', 'first']);
    expect((await inbox('A@example.com')).map((m) => m.subject)).toEqual(['third', 'first']);

    const deleted = await fetch(`${capture.inboxUrl}/api/messages?to=a@example.com`, {
      method: 'DELETE',
    });
    expect(await deleted.json()).toEqual({ deleted: 2 });
    expect((await inbox()).map((m) => m.subject)).toEqual(['second']);
  });

  it('accepts a plain-text message without HTML and any credentials', async () => {
    const url = new URL(capture.smtpUrl);
    await nodemailer
      .createTransport({
        host: url.hostname,
        port: Number(url.port),
        auth: { user: 'someone', pass: 'anything' },
      })
      .sendMail({ from: 'shop@shop.test', to: 'c@example.com', subject: 'Hi', text: 'Plain' });
    const [message] = await inbox('c@example.com');
    expect(message).toMatchObject({ text: 'Plain\n', html: null });
  });

  it('refuses scripted deliveries with the given SMTP reply, then accepts again', async () => {
    const transport = transportTo(capture.smtpUrl);
    const mail = { from: 'shop@shop.test', to: 'd@example.com', subject: 'Retry me', text: 'x' };
    capture.rejectNext({ code: 421, message: 'Busy, try later' });
    await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 421 });
    capture.rejectNext({ code: 550, message: 'No such user', at: 'rcpt' });
    await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 550 });
    await transport.sendMail(mail);
    expect(await inbox('d@example.com')).toHaveLength(1);
  });

  it('serves a readable inbox page with the HTML body in a sandboxed frame', async () => {
    await transportTo(capture.smtpUrl).sendMail({
      from: 'shop@shop.test',
      to: 'e@example.com',
      subject: 'Welcome <friend>',
      text: 'Hello',
      html: '<h1>Hello</h1><script>alert(1)</script>',
    });
    const [message] = await inbox('e@example.com');
    const page = await (await fetch(`${capture.inboxUrl}/?id=${message!.id}`)).text();
    expect(page).toContain('Welcome &lt;friend&gt;');
    expect(page).toMatch(/<iframe[^>]* sandbox="[^"]*"[^>]*body\.html/);

    const body = await fetch(`${capture.inboxUrl}/messages/${message!.id}/body.html`);
    expect(body.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(await body.text()).toContain('<h1>Hello</h1>');

    const text = await (await fetch(`${capture.inboxUrl}/?id=${message!.id}&view=text`)).text();
    expect(text).toContain('<pre>Hello');
  });

  it('answers 400 for a malformed recipient filter', async () => {
    const response = await fetch(`${capture.inboxUrl}/api/messages?to=${'x'.repeat(400)}`);
    expect(response.status).toBe(400);
  });
});

describe('mail capture with a data directory', () => {
  it('keeps the newest messages up to the limit and reloads them after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mail-capture-'));
    try {
      const first = await startMailCapture({ smtpPort: 0, httpPort: 0, limit: 2, dataDir });
      const transport = transportTo(first.smtpUrl);
      for (const subject of ['one', 'two', 'three']) {
        await transport.sendMail({
          from: 'shop@shop.test',
          to: 'f@example.com',
          subject,
          text: subject,
        });
      }
      await first.stop();

      const second = await startMailCapture({ smtpPort: 0, httpPort: 0, limit: 2, dataDir });
      try {
        const response = await fetch(`${second.inboxUrl}/api/messages`);
        const { items } = (await response.json()) as { items: CapturedMessage[] };
        expect(items.map((m) => m.subject)).toEqual(['three', 'two']);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
