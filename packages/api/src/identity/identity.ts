import type { Permission, Role } from './permissions';

/** Who is calling, as proven by a verified access token. */
export interface Identity {
  accountId: string;
  email: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
}
