import { z } from 'zod';

export const maxPageSize = 48;
export const defaultPageSize = 24;
/** Deep pages cost a full scan each; nobody pages this far by hand. */
export const maxPage = 1_000;

/** 1-based page and page size, shared by every list procedure. */
export const paginationInput = {
  page: z.number().int().min(1).max(maxPage).default(1),
  pageSize: z.number().int().min(1).max(maxPageSize).default(defaultPageSize),
};

export function pageWindow(page: number, pageSize: number) {
  return { skip: (page - 1) * pageSize, limit: pageSize };
}
