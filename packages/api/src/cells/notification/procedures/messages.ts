import type { Message } from '@shop/db/notification';
import type { QueryFilter } from 'mongoose';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { notificationDatabase } from '../database';
import type { ListMessagesInput } from '../inputs';
import { toMessageView, type MessagePage, type StoredMessage } from '../views';

/** Messages newest first, optionally to one address, in one status or of one template. */
export async function listMessages({
  ctx,
  input,
}: HandlerArgs<ListMessagesInput, SignedInContext>): Promise<MessagePage> {
  ctx.logger.info({ staffAccountId: ctx.identity.accountId }, 'messages listed');
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
    items: rows.map(toMessageView),
    page: input.page,
    pageSize: input.pageSize,
    totalCount,
    hasMore: skip + rows.length < totalCount,
  };
}
