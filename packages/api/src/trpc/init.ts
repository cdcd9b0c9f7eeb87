import { initTRPC } from '@trpc/server';
import type { CellContext } from './context';
import { formatCellError } from './error-formatter';
import type { ProcedureMeta } from './procedure-meta';

/**
 * The single tRPC instance every cell builds on, so all nine routers merge into one `AppRouter`.
 * `isDev: false` whatever NODE_ENV says: responses never carry stack traces.
 */
export const t = initTRPC.context<CellContext>().meta<ProcedureMeta>().create({
  isDev: false,
  errorFormatter: formatCellError,
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const middleware = t.middleware;
