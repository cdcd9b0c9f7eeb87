import { domains, isDomain, type Domain } from '../domains';

/** `CELLS=all` (default) or a comma-separated list such as `product,search`. */
export function hostedCellsFromEnv(value: string | undefined): Domain[] | 'all' {
  const raw = (value ?? 'all').trim();
  if (raw === '' || raw === 'all') return 'all';
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isDomain(name));
  if (unknown.length > 0) {
    throw new Error(
      `CELLS names unknown cells: ${unknown.join(', ')} (known: ${domains.join(', ')})`,
    );
  }
  return names.filter(isDomain);
}
