import { z } from 'zod';

/** Filters and paging of `<cell>.auditLog`; every filter optional, combined with AND. */
export const auditLogInput = z
  .object({
    /** An account id, or an email (case-insensitive, whole address). */
    person: z.string().trim().min(1).max(254).optional(),
    objectType: z.string().trim().min(1).max(60).optional(),
    objectId: z.string().trim().min(1).max(100).optional(),
    /** `cell.action` or the action alone (`update`). */
    action: z.string().trim().min(1).max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Paging: entries older than this seq (the previous page's `nextBeforeSeq`). */
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(100).default(25),
    /** Also walk the whole chain and report the first broken entry. */
    verify: z.boolean().default(false),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ['to'],
    message: 'must not be before from',
  });

export type AuditLogInput = z.infer<typeof auditLogInput>;
