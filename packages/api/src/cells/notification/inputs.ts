import { messageStatuses } from '@shop/db/notification';
import { z } from 'zod';
import { objectIdTextPattern } from '../../ids/object-id-text';
import { paginationInput } from '../../trpc/pagination';

const day = z.iso.date({ error: 'a day as YYYY-MM-DD' });

/**
 * `notification.listMessages`: optionally to one address (`to`), to addresses containing `search`,
 * in one status, of one template, created within days `from`..`until` (UTC, both included).
 */
export const listMessagesInput = z
  .object({
    to: z.email().max(320).optional(),
    search: z.string().trim().min(1).max(320).optional(),
    status: z.enum(messageStatuses).optional(),
    template: z.string().trim().min(1).max(64).optional(),
    from: day.optional(),
    until: day.optional(),
    ...paginationInput,
  })
  .refine((input) => !input.from || !input.until || input.from <= input.until, {
    error: 'the first day comes after the last',
    path: ['until'],
  });
export type ListMessagesInput = z.infer<typeof listMessagesInput>;

const messageId = z.string().regex(objectIdTextPattern, { error: 'not a message id' });

/** `notification.getMessage`: one message by id. */
export const getMessageInput = z.object({ id: messageId });
export type GetMessageInput = z.infer<typeof getMessageInput>;

/** `notification.resendMessage`: a failed transactional email to send again. */
export const resendMessageInput = z.object({ id: messageId });
export type ResendMessageInput = z.infer<typeof resendMessageInput>;
