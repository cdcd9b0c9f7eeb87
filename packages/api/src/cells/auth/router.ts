import { router } from '../../trpc/init';
import { statusProcedure } from '../status';
import { sessionProcedures } from './session-procedures';

export type { TokenSet } from './token-set';
export type { AccountView } from './account-view';

export const authRouter = router({
  status: statusProcedure('auth'),
  ...sessionProcedures,
});
