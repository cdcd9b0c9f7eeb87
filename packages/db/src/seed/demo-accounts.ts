import { type AccountRole } from '../auth/roles';

/** Every demo account signs in with this; printed by the seed CLI, never used outside demos. */
export const demoPassword = 'demo-password-1';
export const demoBcryptCost = 10;
/** A fixed moment, so re-running the seed changes nothing. */
export const demoEmailVerifiedAt = new Date('2026-01-01T00:00:00.000Z');

export interface DemoAccount {
  email: string;
  password: string;
  role: AccountRole;
  name: string;
}

const people = [
  { email: 'shopper@example.com', role: 'customer', name: 'Sam Shopper' },
  { email: 'admin@example.com', role: 'admin', name: 'Ada Admin' },
  { email: 'catalog@example.com', role: 'catalog_manager', name: 'Cato Catalog' },
  { email: 'orders@example.com', role: 'order_manager', name: 'Otto Orders' },
  { email: 'support@example.com', role: 'support', name: 'Sue Support' },
  { email: 'analyst@example.com', role: 'analyst', name: 'Ana Analyst' },
] as const satisfies readonly Omit<DemoAccount, 'password'>[];

/** The demo shopper plus one staff account per staff role. */
export const demoAccounts: readonly DemoAccount[] = people.map((person) => ({
  ...person,
  password: demoPassword,
}));

export const demoShopperEmail = 'shopper@example.com';
