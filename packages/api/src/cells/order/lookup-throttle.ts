import { hostConfig } from '../../config/host';
import { failureThrottle } from './failure-throttle';

/** Failed lookups allowed per client address per window (a typo or two, never a walk). */
export const lookupFailureLimit = hostConfig().ORDER_LOOKUP_FAILURE_LIMIT;

const lookups = failureThrottle({
  scope: 'order-lookup',
  limit: lookupFailureLimit,
  windowMs: 15 * 60_000,
  message: () => 'Too many order lookups from here; try again later',
});

/** Refuses (429) a client address that has used up its failed lookups in this window. */
export const checkLookupAllowed = (clientAddress: string | null) => lookups.check(clientAddress);

/** Counts one failed lookup for the client address. */
export const countLookupFailure = (clientAddress: string | null) => lookups.count(clientAddress);
