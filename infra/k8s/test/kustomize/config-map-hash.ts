import { createHash } from 'node:crypto';

/**
 * The suffix kustomize appends to a generated ConfigMap's name, so that changing its data renames
 * it and rolls every workload that references it.
 *
 * kustomize (v5.5, as shipped in kubectl 1.32) hashes Go's JSON encoding of
 * `{data, kind, name}` with sorted keys and HTML-escaped strings; it hashes the generator with an
 * empty `name` (measured against `kubectl kustomize`, which the render test compares with). The
 * first ten hex digits are then made less word-like by swapping a few characters for letters.
 */
export function configMapNameSuffix(data: Record<string, string>): string {
  const sortedData = Object.fromEntries(
    Object.keys(data)
      .sort()
      .map((key) => [key, data[key]]),
  );
  const encoded = goJsonHtmlEscape(
    JSON.stringify({ data: sortedData, kind: 'ConfigMap', name: '' }),
  );
  const hex = createHash('sha256').update(encoded).digest('hex');
  return [...hex.slice(0, 10)].map((digit) => letterFor[digit] ?? digit).join('');
}

const letterFor: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

/** Go's encoding/json escapes <, > and & (and the JS line separators) inside strings. */
function goJsonHtmlEscape(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
