import { z } from 'zod';

export const messageStatuses = ['queued', 'sent', 'failed', 'bounced'] as const;

const one = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
const day = z.iso.date().optional().catch(undefined);

/** The message list's filters as read from the URL: anything malformed is simply not applied. */
const messageFiltersSchema = z.object({
  search: z.string().max(320).optional().catch(undefined),
  status: z.enum(messageStatuses).optional().catch(undefined),
  template: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional()
    .catch(undefined),
  from: day,
  until: day,
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type MessageFilters = z.infer<typeof messageFiltersSchema>;

export function messageFiltersOf(params: Record<string, string | string[] | undefined>) {
  const text = (name: string) => one(params[name]) || undefined;
  return messageFiltersSchema.parse({
    search: text('search'),
    status: text('status'),
    template: text('template'),
    from: text('from'),
    until: text('until'),
    page: text('page') ?? 1,
  });
}

/** The list's URL with these filters (and a page), so a view can be shared or bookmarked. */
export function messagesHref(filters: MessageFilters, page = 1): string {
  const query = new URLSearchParams();
  for (const key of ['search', 'status', 'template', 'from', 'until'] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/notifications/messages?${text}` : '/notifications/messages';
}
