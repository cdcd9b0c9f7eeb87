import { z } from 'zod';

/** One captured email, as the JSON API returns it. `to` holds every envelope recipient (cc and bcc too). */
export const capturedMessageSchema = z.object({
  id: z.string(),
  to: z.array(z.string()),
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  /** `null` when the message had no HTML part. */
  html: z.string().nullable(),
  /**
   * The message's header fields by lower-case name (the last one when repeated), unfolded, as
   * sent: `list-unsubscribe`, `list-unsubscribe-post`, `x-shop-template`... Absent in messages
   * captured before it was kept.
   */
  headers: z.record(z.string(), z.string()).default({}),
  /** ISO 8601. */
  receivedAt: z.string(),
});
export type CapturedMessage = z.infer<typeof capturedMessageSchema>;
