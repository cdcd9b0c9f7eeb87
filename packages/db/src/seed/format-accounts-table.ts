/** A plain aligned text table of the demo accounts, for terminals and CI logs. */
export function formatAccountsTable(
  accounts: readonly { email: string; password: string; role: string }[],
): string {
  const header = { email: 'email', password: 'password', role: 'role' };
  const rows = [header, ...accounts];
  const width = (key: keyof typeof header) => Math.max(...rows.map((row) => row[key].length));
  const widths = { email: width('email'), password: width('password'), role: width('role') };
  const line = (row: typeof header) =>
    `${row.email.padEnd(widths.email)}  ${row.password.padEnd(widths.password)}  ${row.role}`;
  const rule = `${'-'.repeat(widths.email)}  ${'-'.repeat(widths.password)}  ${'-'.repeat(widths.role)}`;
  return [line(header), rule, ...accounts.map(line)].join('\n');
}
