import type { Message, MessageKind, MessageStatus } from '@shop/db/notification';
import type { Types } from 'mongoose';

/** A message as staff see it; never the body (single-use links stay out of the back office). */
export interface MessageView {
  id: string;
  to: string;
  template: string;
  kind: MessageKind;
  subject: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  accountId: string | null;
  orderNumber: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

export interface MessagePage {
  items: MessageView[];
  page: number;
  pageSize: number;
  totalCount: number;
  hasMore: boolean;
}

/** A `Message` as read from the database (lean). */
export type StoredMessage = Message & { _id: Types.ObjectId; createdAt: Date };

export function toMessageView(message: StoredMessage): MessageView {
  return {
    id: message._id.toString(),
    to: message.to,
    template: message.template,
    kind: message.kind,
    subject: message.subject,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError ?? null,
    providerMessageId: message.providerMessageId ?? null,
    accountId: message.accountId ?? null,
    orderNumber: message.orderNumber ?? null,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    failedAt: message.failedAt?.toISOString() ?? null,
  };
}

/** One delivery attempt as staff see it: when, what happened, the provider's answer. */
export interface MessageAttemptView {
  at: string;
  outcome: 'sent' | 'retry' | 'failed';
  response: string | null;
}

/** A message's page: the list's fields plus every attempt and whether staff may resend it. */
export interface MessageDetailView extends MessageView {
  providerResponse: string | null;
  attemptLog: MessageAttemptView[];
  resendCount: number;
  resentAt: string | null;
  /** Null when "Resend" is offered; otherwise why not, in words for staff. */
  resendRefusal: string | null;
}

export function toMessageDetailView(
  message: StoredMessage,
  resendRefusal: string | null,
): MessageDetailView {
  return {
    ...toMessageView(message),
    providerResponse: message.providerResponse ?? null,
    attemptLog: (message.attemptLog ?? []).map((attempt) => ({
      at: attempt.at.toISOString(),
      outcome: attempt.outcome,
      response: attempt.response ?? null,
    })),
    resendCount: message.resendCount ?? 0,
    resentAt: message.resentAt?.toISOString() ?? null,
    resendRefusal,
  };
}

/** What `notification.resendMessage` did: `requested` false when it was already resent or sent. */
export interface ResendOutcome {
  requested: boolean;
  status: MessageStatus;
}
