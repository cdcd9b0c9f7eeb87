import { isDomain, type Domain } from '@shop/api/client';
import { z } from 'zod';

/** The page's filters, from its URL (a GET form), cleaned so a cell never sees a bad value. */
export interface AuditFilters {
  person?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  /** YYYY-MM-DD, UTC days, both inclusive. */
  from?: string;
  to?: string;
  /** One cell only; all by default. */
  cell?: Domain;
}

/** Where the previous page ended, in the page's order (newest first, then cell, then seq). */
export interface AuditCursor {
  at: string;
  cell: Domain;
  seq: number;
}

const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function valid<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function auditFiltersOf(params: Record<string, string | string[] | undefined>): {
  filters: AuditFilters;
  cursor?: AuditCursor;
  verify: boolean;
} {
  const cell = one(params.cell);
  const filters: AuditFilters = {
    person: valid(text(254), one(params.person)),
    objectType: valid(text(60), one(params.objectType)),
    objectId: valid(text(100), one(params.objectId)),
    action: valid(text(100), one(params.action)),
    from: valid(day, one(params.from)),
    to: valid(day, one(params.to)),
    cell: cell && isDomain(cell) ? cell : undefined,
  };
  if (filters.from && filters.to && filters.from > filters.to) filters.to = undefined;
  return { filters, cursor: cursorOf(one(params.before)), verify: one(params.verify) === '1' };
}

/** `before=<ISO time>~<cell>~<seq>` */
function cursorOf(value: string | undefined): AuditCursor | undefined {
  const [at = '', cell = '', seq = ''] = (value ?? '').split('~');
  if (!valid(z.iso.datetime(), at) || !isDomain(cell) || !/^\d{1,12}$/.test(seq)) return undefined;
  return { at, cell, seq: Number(seq) };
}

export function cursorText(cursor: AuditCursor): string {
  return `${cursor.at}~${cursor.cell}~${cursor.seq}`;
}

/** The URL of the page with these filters (and cursor), for links and the next page. */
export function auditPageHref(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/audit?${text}` : '/audit';
}
