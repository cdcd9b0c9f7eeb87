import type { Message, MessageKind, MessageStatus, StaffAlertKind } from '@shop/db/notification';
import type {
  ConsentSource,
  Subscriber,
  SubscriberStatus,
  Suppression,
} from '@shop/db/notification';
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

/** A template in the admin's list: what it is and the languages staff reworded it in. */
export interface TemplateSummaryView {
  id: string;
  kind: MessageKind;
  sampleSubject: string;
  editableBlocks: number;
  /** False for a campaign: its wording is the campaign's own, written when composing it. */
  rewordable: boolean;
  overriddenLanguages: string[];
}

/** One editable block: its default text and staff's wording in the previewed language. */
export interface TemplateBlockView {
  key: string;
  label: string;
  defaultText: string;
  override: string | null;
}

/** A template rendered with sample data in one language, and what staff may change in it. */
export interface TemplatePreviewView {
  id: string;
  kind: MessageKind;
  language: string;
  subject: string;
  html: string;
  text: string;
  subjectOverride: string | null;
  blocks: TemplateBlockView[];
  variables: string[];
  /** False for a campaign: its wording is the campaign's own, written when composing it. */
  rewordable: boolean;
  updatedAt: string | null;
}

// ---- Newsletter and suppression (issue 18)

/** The account page's newsletter state; `none`: the address never asked. */
export interface MyNewsletterView {
  status: 'none' | 'pending' | 'subscribed' | 'unsubscribed';
}

/** What the unsubscribe page may show: never the address. */
export interface UnsubscribeLinkView {
  valid: boolean;
  /** False once unsubscribed (the page then says so instead of offering the button). */
  subscribed: boolean;
}

/** One suppressed address, as staff see it on the Notifications page. */
export interface SuppressionView {
  id: string;
  email: string;
  reason: 'hard-bounce' | 'complaint';
  source: 'smtp' | 'provider-report';
  detail: string | null;
  count: number;
  suppressedAt: string;
}

export interface SuppressionPage {
  items: SuppressionView[];
  page: number;
  pageSize: number;
  totalCount: number;
  hasMore: boolean;
}

/** A `Suppression` as read from the database (lean). */
export type StoredSuppression = Suppression & {
  _id: Types.ObjectId;
};

export function toSuppressionView(suppression: StoredSuppression): SuppressionView {
  return {
    id: suppression._id.toString(),
    email: suppression.email,
    reason: suppression.reason,
    source: suppression.source,
    detail: suppression.detail ?? null,
    count: suppression.count,
    suppressedAt: suppression.suppressedAt.toISOString(),
  };
}

/** `notification.customerMarketing`: an address's consent, its history and any suppression. */
export interface CustomerMarketingView {
  status: SubscriberStatus | 'none';
  changedAt: string | null;
  source: ConsentSource | null;
  /** The words the shopper saw when they gave consent (the evidence). */
  wording: string | null;
  confirmedAt: string | null;
  /** Newest first, at most ten. */
  history: { status: SubscriberStatus; at: string; source: ConsentSource }[];
  suppression: { reason: SuppressionView['reason']; suppressedAt: string } | null;
}

export function toCustomerMarketingView(
  subscriber: Subscriber | null,
  suppression: Suppression | null,
): CustomerMarketingView {
  return {
    status: subscriber?.status ?? 'none',
    changedAt: subscriber?.changedAt.toISOString() ?? null,
    source: subscriber?.source ?? null,
    wording: subscriber?.wording ?? null,
    confirmedAt: subscriber?.confirmedAt?.toISOString() ?? null,
    history: (subscriber?.history ?? [])
      .slice(-10)
      .reverse()
      .map((change) => ({
        status: change.status,
        at: change.at.toISOString(),
        source: change.source,
      })),
    suppression: suppression
      ? { reason: suppression.reason, suppressedAt: suppression.suppressedAt.toISOString() }
      : null,
  };
}

/** A staff alert as one staff member sees it (read or not, for them). */
export interface StaffAlertView {
  id: string;
  kind: StaffAlertKind;
  title: string;
  detail: string;
  href: string | null;
  createdAt: string;
  read: boolean;
}

export interface StaffAlertPage {
  items: StaffAlertView[];
  page: number;
  pageSize: number;
  totalCount: number;
  hasMore: boolean;
  unreadCount: number;
}
