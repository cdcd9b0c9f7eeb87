import { messageStatuses } from '@shop/db/notification';
import { z } from 'zod';
import { paginationInput } from '../../trpc/pagination';

/** `notification.listMessages`: optionally to one address, in one status or of one template. */
export const listMessagesInput = z.object({
  to: z.email().max(320).optional(),
  status: z.enum(messageStatuses).optional(),
  template: z.string().trim().min(1).max(64).optional(),
  ...paginationInput,
});
export type ListMessagesInput = z.infer<typeof listMessagesInput>;
