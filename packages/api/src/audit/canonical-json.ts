/** A value as JSON can hold it: what an audit entry stores and hashes. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function isObjectIdLike(value: object): value is { toHexString(): string } {
  return typeof (value as { toHexString?: unknown }).toHexString === 'function';
}

/**
 * Turns what a procedure hands over (lean documents with Dates and ObjectIds, undefined fields)
 * into plain JSON, so the entry stored is exactly the entry hashed: read back from MongoDB it
 * hashes the same.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (isObjectIdLike(value)) return value.toHexString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item));
  if (value instanceof Map) return toJsonValue(Object.fromEntries(value));
  const plain: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined || typeof item === 'function') continue;
    plain[key] = toJsonValue(item);
  }
  return plain;
}

/** JSON with object keys sorted at every level: one text per value, whatever the key order. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(',')}}`;
}
