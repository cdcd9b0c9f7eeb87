import type { Message } from '@shop/db/notification';
import { TRPCError } from '@trpc/server';
import type { QueryFilter } from 'mongoose';
import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { sendEvent } from '../../../events/inngest-client';
import { notificationDatabase } from '../database';
import { messageResendRequested } from '../events';
import type { GetMessageInput, ListMessagesInput, ResendMessageInput } from '../inputs';
import { resendRefusal } from '../message-resend';
import {
  toMessageDetailView,
  toMessageView,
  type MessageDetailView,
  type MessagePage,
  type ResendOutcome,
  type StoredMessage,
} from '../views';

/** A search text as a literal pattern: staff type addresses, not regular expressions. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Messages newest first, filtered by recipient, status, template and day. */
export async function listMessages({
  ctx,
  input,
}: HandlerArgs<ListMessagesInput, SignedInContext>): Promise<MessagePage> {
  ctx.logger.info({ staffAccountId: ctx.identity.accountId }, 'messages listed');
  const { Message } = await notificationDatabase.models();
  const filter: QueryFilter<Message> = {};
  if (input.to) filter.to = input.to.trim().toLowerCase();
  // Addresses are stored lower-case, so the lower-cased text matches without a case-blind scan.
  else if (input.search) filter.to = { $regex: literal(input.search.toLowerCase()) };
  if (input.status) filter.status = input.status;
  if (input.template) filter.template = input.template;
  if (input.from || input.until) {
    filter.createdAt = {
      ...(input.from ? { $gte: new Date(`${input.from}T00:00:00.000Z`) } : {}),
      ...(input.until ? { $lte: new Date(`${input.until}T23:59:59.999Z`) } : {}),
    };
  }
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
    items: rows.map(toMessageView),
    page: input.page,
    pageSize: input.pageSize,
    totalCount,
    hasMore: skip + rows.length < totalCount,
  };
}

async function findMessage(id: string): Promise<StoredMessage> {
  const { Message } = await notificationDatabase.models();
  const message = await Message.findById(id).lean<StoredMessage>();
  if (!message) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such message' });
  return message;
}

/** One message with every attempt, the provider's answers and whether it can be resent. */
export async function getMessage({
  input,
}: HandlerArgs<GetMessageInput, SignedInContext>): Promise<MessageDetailView> {
  const message = await findMessage(input.id);
  return toMessageDetailView(message, resendRefusal(message));
}

/**
 * Sends a failed transactional email again. Only the caller that turns it from failed to queued
 * asks for the send, so a double click (or two staff at once) sends it once; the others are told
 * it is already on its way.
 */
export async function resendMessage({
  ctx,
  input,
}: StaffArgs<ResendMessageInput>): Promise<ResendOutcome> {
  const { Message } = await notificationDatabase.models();
  const before = await findMessage(input.id);
  if (before.status === 'queued' || before.status === 'sent') {
    return { requested: false, status: before.status };
  }
  const refusal = resendRefusal(before);
  if (refusal) throw new TRPCError({ code: 'CONFLICT', message: `Cannot resend: ${refusal}` });

  const taken = await Message.findOneAndUpdate(
    { _id: before._id, status: 'failed' },
    {
      $set: {
        status: 'queued',
        failedAt: null,
        sendingUntil: null,
        resentAt: new Date(),
        resentBy: ctx.identity.accountId,
      },
      $inc: { resendCount: 1 },
    },
    { returnDocument: 'after' },
  ).lean<StoredMessage>();
  if (!taken) {
    const now = await findMessage(input.id);
    return { requested: false, status: now.status };
  }
  const resendCount = taken.resendCount ?? 1;
  try {
    await sendEvent('notification', messageResendRequested, {
      messageId: input.id,
      resendCount,
    });
  } catch (error) {
    // Nobody will send it: put it back, so staff can try again.
    await Message.updateOne(
      { _id: before._id, status: 'queued', resendCount },
      { $set: { status: 'failed', failedAt: before.failedAt ?? new Date() } },
    );
    ctx.logger.error({ err: error, messageId: input.id }, 'resend not requested');
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The background worker did not answer; try again in a moment.',
    });
  }
  ctx.audit.record({
    object: { type: 'message', id: input.id },
    before: { status: before.status, resendCount: before.resendCount ?? 0 },
    after: { status: 'queued', resendCount },
  });
  return { requested: true, status: 'queued' };
}
