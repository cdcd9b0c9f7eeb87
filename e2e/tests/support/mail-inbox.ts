import { type APIRequestContext, expect } from '@playwright/test';

/**
 * The e2e stack's captured-mail inbox (tooling/stack starts `@shop/mail-capture` on 8125).
 * Playwright's process does not inherit the launcher's environment, hence the fixed default.
 */
export const mailInboxUrl =
  process.env.MAIL_CAPTURE_URL ?? `http://127.0.0.1:${process.env.MAIL_INBOX_PORT ?? 8125}`;

export interface CapturedEmail {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
  /** Header fields by lower-case name (`list-unsubscribe`, ...). */
  headers?: Record<string, string>;
}

/** Every captured email to `to`, newest first. */
export async function emailsTo(request: APIRequestContext, to: string): Promise<CapturedEmail[]> {
  const response = await request.get(`${mailInboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  expect(response.status(), `mail inbox answered ${response.status()}`).toBe(200);
  return ((await response.json()) as { items: CapturedEmail[] }).items;
}

/**
 * Waits (polling the inbox) for the newest email to `to` whose subject matches, as emails go out
 * from a background function a moment after the action that caused them.
 */
export async function waitForEmail(
  request: APIRequestContext,
  to: string,
  subject: RegExp,
  { timeoutMs = 20_000 }: { timeoutMs?: number } = {},
): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await emailsTo(request, to)).find((email) => subject.test(email.subject));
        return found !== undefined;
      },
      { message: `an email to ${to} with subject ${subject}`, timeout: timeoutMs },
    )
    .toBe(true);
  return found!;
}

/** The first link in the email's plain text whose URL contains `pathPart`, e.g. `/reset-password`. */
export function linkIn(email: CapturedEmail, pathPart: string): string {
  const link = email.text.match(/https?:\/\/[^\s<>()"']+/g)?.find((url) => url.includes(pathPart));
  if (!link) throw new Error(`no link containing ${pathPart} in "${email.subject}"`);
  return link;
}

/** Forgets every captured email to `to`, so a test sees only what it caused. */
export async function clearEmailsTo(request: APIRequestContext, to: string): Promise<void> {
  await request.delete(`${mailInboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
}
