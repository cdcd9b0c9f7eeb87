import {
  messageStatuses,
  type Message,
  type MessageKind,
  type MessageStatus,
} from '@shop/db/notification';
import type { QueryFilter, Types } from 'mongoose';
import { z } from 'zod';
import { pageWindow, paginationInput } from '../../trpc/pagination';
import { notificationDatabase } from './database';

export const listMessagesInput = z.object({
  to: z.email().max(320).optional(),
  status: z.enum(messageStatuses).optional(),
  template: z.string().trim().min(1).max(64).optional(),
  ...paginationInput,
});
export type ListMessagesInput = z.infer<typeof listMessagesInput>;

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

type StoredMessage = Message & { _id: Types.ObjectId; createdAt: Date };

function toView(message: StoredMessage): MessageView {
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

/** Messages newest first, optionally to one address, in one status or of one template. */
export async function listMessages(input: ListMessagesInput): Promise<MessagePage> {
  const { Message } = await notificationDatabase.models();
  const filter: QueryFilter<Message> = {};
  if (input.to) filter.to = input.to.trim().toLowerCase();
  if (input.status) filter.status = input.status;
  if (input.template) filter.template = input.template;
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [rows, totalCount] = await Promise.all([
    Message.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(skip)
      .limit(limit)
      .lean<StoredMessage[]>(),
    Message.countDocuments(filter),
  ]);
  return {
    items: rows.map(toView),
    page: input.page,
    pageSize: input.pageSize,
    totalCount,
    hasMore: skip + rows.length < totalCount,
  };
}
