import { randomBytes, randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { notificationModels } from '@shop/db/notification';
import type { CapturedMessage, MailCapture } from '@shop/mail-capture';
import { waitFor } from '@shop/db/testing';
import { bearer, queryUrl, request, type RawResponse } from './http';
import type { SignedIn } from './login';

// Shared by the notification-campaign-* tests: calls, subscribers and the captured inbox.

export const campaignWording = 'Email me about new products and offers, at most once a week.';

export async function notificationModelsForTest() {
  return notificationModels(await connectDomainDatabase('notification'));
}

export const uniqueEmail = (label: string) =>
  `${label}-${randomBytes(4).toString('hex')}@example.com`;

/** Confirmed subscribers written straight to the store (the opt-in flow has its own tests). */
export async function confirmedSubscribers(emails: string[]): Promise<void> {
  const { Subscriber } = await notificationModelsForTest();
  const now = new Date();
  await Subscriber.insertMany(
    emails.map((email) => ({
      email,
      status: 'subscribed',
      changedAt: now,
      source: 'footer',
      wording: campaignWording,
      confirmedAt: now,
    })),
  );
}

export function campaignCalls(hostUrl: string) {
  const call = (path: string, input: unknown, who?: SignedIn): Promise<RawResponse> =>
    request(`${hostUrl}/trpc/notification.${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who ? bearer(who.token) : {}) },
      body: JSON.stringify(input),
    });
  const read = (path: string, input: unknown, who?: SignedIn): Promise<RawResponse> =>
    request(queryUrl(hostUrl, `notification.${path}`, input), {
      headers: who ? bearer(who.token) : {},
    });
  return { call, read };
}

export const dataOf = <T>(response: RawResponse): T => {
  const body = response.json as { result?: { data: T } };
  if (!body.result) throw new Error(`not a result (${response.status}): ${JSON.stringify(body)}`);
  return body.result.data;
};

export async function capturedTo(capture: MailCapture, to: string): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

export async function allCaptured(capture: MailCapture): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.inboxUrl}/api/messages`);
  return ((await response.json()) as { items: CapturedMessage[] }).items;
}

export async function waitForCaptured(
  capture: MailCapture,
  to: string,
  count: number,
): Promise<CapturedMessage[]> {
  return waitFor(
    async () => {
      const emails = await capturedTo(capture, to);
      return emails.length >= count && emails;
    },
    { what: `${count} email(s) to ${to}` },
  );
}

/** A campaign's content as the composer sends it to createCampaign (a fresh idempotency key). */
export function campaignContent(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    name: 'Winter sale',
    subject: 'Winter sale: 20 % off knitwear',
    preheader: 'Three days only',
    language: 'en',
    blocks: [
      { type: 'heading', text: 'Winter sale', level: 1 },
      { type: 'text', text: 'Warm things for cold days.\n\nThree days only.' },
      { type: 'button', label: 'Shop the sale', href: 'https://shop.test/sale' },
    ],
    audience: { kind: 'all' },
    ...overrides,
  };
}
