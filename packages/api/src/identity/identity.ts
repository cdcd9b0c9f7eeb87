import type { Permission, Role } from './permissions';

/** Who is calling, as proven by a verified access token. */
export interface Identity {
  accountId: string;
  email: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /**
   * The sign-in session (refresh-token family) the token was issued for, when it came from one;
   * lets "change password" keep the caller signed in while signing out every other session.
   */
  sessionId?: string;
  /**
   * Set when the caller is a cell acting for itself (a service token): the service's name, e.g.
   * `order`. `accountId` is then `service:<name>`, never an account's id.
   */
  service?: string;
}
