import { startHttpInbox } from './http-inbox';
import { createMessageStore } from './message-store';
import { startSmtpReceiver, type SmtpRejection } from './smtp-receiver';

export interface MailCaptureOptions {
  /** SMTP port; 0 picks a free one. */
  smtpPort: number;
  /** HTTP inbox port; 0 picks a free one. */
  httpPort: number;
  /** Listen address for both (default 127.0.0.1: the capture has no authentication). */
  host?: string;
  /** How many messages to keep; older ones are dropped (default 500). */
  limit?: number;
  /** Where to keep messages across restarts (e.g. `.data/mail`); memory only when unset. */
  dataDir?: string;
}

export interface MailCapture {
  /** For nodemailer / `SMTP_URL`, e.g. `smtp://127.0.0.1:1025`. */
  smtpUrl: string;
  /** The inbox page; the JSON API is under `${inboxUrl}/api/messages`. */
  inboxUrl: string;
  /** Refuses the next delivery(ies) with an SMTP reply (tests of retries and failures). */
  rejectNext(rejection: SmtpRejection): void;
  stop(): Promise<void>;
}

/** Starts the SMTP capture server and its HTTP inbox, sharing one message store. */
export async function startMailCapture({
  smtpPort,
  httpPort,
  host = '127.0.0.1',
  limit = 500,
  dataDir,
}: MailCaptureOptions): Promise<MailCapture> {
  const store = await createMessageStore({ limit, dataDir });
  const smtp = await startSmtpReceiver({ port: smtpPort, host, onMessage: store.add });
  const inbox = await startHttpInbox({ port: httpPort, host, store }).catch(async (error) => {
    await smtp.stop();
    throw error;
  });
  // A wildcard listen address is reachable locally through the loopback address.
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const hostInUrl = reachable.includes(':') ? `[${reachable}]` : reachable;
  return {
    smtpUrl: `smtp://${hostInUrl}:${smtp.port}`,
    inboxUrl: `http://${hostInUrl}:${inbox.port}`,
    rejectNext: smtp.rejectNext,
    async stop() {
      await Promise.all([smtp.stop(), inbox.stop()]);
    },
  };
}
