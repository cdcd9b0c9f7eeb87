import { randomBytes } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { notificationModels } from '@shop/db/notification';
import { isolateTestDatabases, startDatabaseGate, type DatabaseGate } from '@shop/db/testing';
import { startMailCapture, type CapturedMessage, type MailCapture } from '@shop/mail-capture';
import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimForSending, findOrCreateMessage } from '../src/cells/notification/message-records';
import { recordSent, SentButNotRecordedError } from '../src/cells/notification/record-sent';
import { sendEmail } from '../src/cells/notification/send-email';
import { stableMessageId } from '../src/cells/notification/stable-message-id';

/**
 * The window in which an email could go out twice: SMTP accepted it, and the record saying so
 * is written to a database that just became unreachable (a real cut, through a TCP gate). The
 * record is retried through a short outage; through a longer one the send lease stays held, and
 * every attempt carries the same Message-ID.
 */
let gate: DatabaseGate;
let capture: MailCapture;
const realUri = process.env.MONGODB_URI!;
const from = 'Shop <no-reply@shop.test>';
const saved = { smtp: process.env.SMTP_URL, from: process.env.MAIL_FROM };

beforeAll(async () => {
  isolateTestDatabases();
  gate = await startDatabaseGate(realUri);
  process.env.MONGODB_URI = gate.uri;
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  process.env.SMTP_URL = capture.smtpUrl;
  process.env.MAIL_FROM = from;
});
afterAll(async () => {
  gate?.reopen();
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  const { closeDatabaseConnections } = await import('@shop/db');
  await closeDatabaseConnections();
  await capture?.stop();
  await gate?.close();
  process.env.MONGODB_URI = realUri;
  for (const [key, value] of [
    ['SMTP_URL', saved.smtp],
    ['MAIL_FROM', saved.from],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** Read around the gate, so the test sees the record even while the gate is cut. */
async function record(id: Types.ObjectId) {
  const { Message } = notificationModels(
    await connectDomainDatabase('notification', { uri: realUri }),
  );
  return Message.findById(id).lean();
}

async function claimedMessage() {
  const message = await findOrCreateMessage({
    template: 'welcome',
    dedupeKey: `test:${randomBytes(6).toString('hex')}`,
    to: 'record-sent@example.com',
    subject: 'Welcome to Shop',
    kind: 'transactional',
  });
  expect(await claimForSending(message._id)).not.toBeNull();
  return message;
}

it('sends with a Message-ID fixed by the template and dedupe key', async () => {
  const to = `welcome-${randomBytes(4).toString('hex')}@example.com`;
  const dedupeKey = `test:${to}`;
  const outcome = await sendEmail({ template: 'welcome', to, props: { name: 'Ada' }, dedupeKey });
  expect(outcome).toMatchObject({ status: 'sent', alreadySent: false });
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  const { items } = (await response.json()) as { items: CapturedMessage[] };
  expect(items).toHaveLength(1);
  const expected = stableMessageId('welcome', dedupeKey, from);
  expect(expected).toMatch(/^<[0-9a-f]{32}@shop\.test>$/);
  expect(items[0]!.headers['message-id']).toBe(expected);
  if (outcome.status !== 'sent') throw new Error('not sent');
  expect((await record(new Types.ObjectId(outcome.messageId)))?.providerMessageId).toBe(expected);
});

it('records the send once the database is back within the retries', async () => {
  const message = await claimedMessage();
  gate.cut();
  setTimeout(() => gate.reopen(), 1_500);
  await recordSent(message._id, '<x@shop.test>', '250 OK', [1_000, 2_000, 4_000, 8_000]);
  expect(await record(message._id)).toMatchObject({ status: 'sent', sendingUntil: null });
}, 60_000);

it('keeps the message leased (no second send yet) when the database stays away', async () => {
  const message = await claimedMessage();
  gate.cut();
  try {
    await expect(recordSent(message._id, '<y@shop.test>', '250 OK', [200])).rejects.toBeInstanceOf(
      SentButNotRecordedError,
    );
  } finally {
    gate.reopen();
  }
  const held = await record(message._id);
  expect(held?.status).toBe('queued');
  expect(held?.sendingUntil?.getTime()).toBeGreaterThan(Date.now());
  // A retry of the step cannot take it while the lease holds.
  expect(await claimForSending(message._id)).toBeNull();
}, 60_000);
