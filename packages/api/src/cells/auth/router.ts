import { router } from '../../trpc/init';
import { statusProcedure } from '../status';
import { accountProcedures } from './account-procedures';
import { recoveryProcedures } from './recovery-procedures';
import { serviceProcedures } from './service-procedures';
import { sessionProcedures } from './session-procedures';
import { staffProcedures } from './staff-procedures';

export type { TokenSet } from './token-set';
export type { AccountView } from './account-view';

/** `auth.*`: sessions, recovery by email, the caller's account, and staff management. */
export const authRouter = router({
  status: statusProcedure('auth'),
  ...sessionProcedures,
  ...recoveryProcedures,
  ...accountProcedures,
  ...staffProcedures,
  ...serviceProcedures,
});
