import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { CapturedMessage } from './captured-message';

/** A scripted refusal, for tests of the sender's retry and failure handling. */
export interface SmtpRejection {
  /** SMTP reply code: 4xx tells the sender to try again later, 5xx that it never will work. */
  code: number;
  message?: string;
  /** When to refuse: at `RCPT TO` (like an unknown mailbox) or after `DATA` (default). */
  at?: 'rcpt' | 'data';
  /** How many deliveries to refuse before accepting again (default 1). */
  times?: number;
}

export interface SmtpReceiver {
  port: number;
  /** Refuses the next delivery(ies) with the given reply. */
  rejectNext(rejection: SmtpRejection): void;
  stop(): Promise<void>;
}

const maxMessageBytes = 10 * 1024 * 1024;

/**
 * An SMTP server that accepts every message (any sender, any recipient, any or no credentials,
 * no TLS) and hands it, parsed, to `onMessage`. For local development and tests only.
 */
export async function startSmtpReceiver({
  port,
  host,
  onMessage,
}: {
  port: number;
  host: string;
  onMessage: (message: CapturedMessage) => Promise<void>;
}): Promise<SmtpReceiver> {
  const pending: Required<SmtpRejection>[] = [];
  // Takes one scripted refusal for this stage, if any is queued.
  const takeRejection = (stage: 'rcpt' | 'data') => {
    const next = pending[0];
    if (!next || next.at !== stage) return undefined;
    next.times -= 1;
    if (next.times <= 0) pending.shift();
    return Object.assign(new Error(next.message), { responseCode: next.code });
  };

  const server = new SMTPServer({
    name: 'mail-capture',
    banner: 'mail capture (local development; nothing is delivered)',
    // No TLS locally: advertising STARTTLS with a self-signed certificate would make clients fail.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: maxMessageBytes,
    logger: false,
    // Pooled senders keep idle connections open; stopping should not wait the default 30 s for them.
    closeTimeout: 500,
    onAuth(_auth, _session, callback) {
      // Any credentials work, so an SMTP_URL with a user and password can point here too.
      callback(null, { user: 'capture' });
    },
    onRcptTo(_address, _session, callback) {
      callback(takeRejection('rcpt') ?? null);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          const rejection = takeRejection('data');
          if (rejection) {
            callback(rejection);
            return;
          }
          await onMessage({
            id: newMessageId(),
            to: recipientsOf(session),
            from: parsed.from?.text ?? mailFromOf(session),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            receivedAt: new Date().toISOString(),
            headers: headerFields(parsed.headerLines),
          });
          callback();
        })
        .catch((error: unknown) => {
          callback(Object.assign(new Error(String(error)), { responseCode: 451 }));
        });
    },
  });

  const listening = server.listen(port, host);
  await Promise.race([
    once(listening, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
  // smtp-server emits 'error' for client-side problems too; those must not crash the process.
  server.on('error', () => {});

  return {
    port: (listening.address() as AddressInfo).port,
    rejectNext(rejection) {
      pending.push({
        code: rejection.code,
        message: rejection.message ?? (rejection.code >= 500 ? 'Rejected' : 'Try again later'),
        at: rejection.at ?? 'data',
        times: rejection.times ?? 1,
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sortable by time, unique enough for an inbox, and safe as a file name and URL segment. */
function newMessageId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
}

function recipientsOf(session: SMTPServerSession): string[] {
  return [...new Set(session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()))];
}

function mailFromOf(session: SMTPServerSession): string {
  return session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
}

/** `Name: value` lines, by lower-case name, with folded lines joined. */
function headerFields(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { key, line } of lines) {
    fields[key.toLowerCase()] = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  return fields;
}
