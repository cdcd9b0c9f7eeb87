/** One CSV field: quoted when it holds a comma, quote or line break; formula starts defused. */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula (a query typed by a shopper).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text: a header row, then one line per row. */
export function csvText(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
