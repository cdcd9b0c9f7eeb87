import { canonicalJson, toJsonValue, type JsonValue } from './canonical-json';

type Fields = { [key: string]: JsonValue };

/**
 * The top-level fields that differ between two views of an object, each side with its own values
 * (plus `keep`, e.g. a name that says which object it is), so an entry shows the change and not
 * a whole document. A side that is null (create, delete) is kept whole.
 */
export function changedFields(
  before: unknown,
  after: unknown,
  keep: readonly string[] = [],
): { before: JsonValue; after: JsonValue } {
  const old = toJsonValue(before);
  const now = toJsonValue(after);
  if (!isFields(old) || !isFields(now)) return { before: old, after: now };
  const changed: { before: Fields; after: Fields } = { before: {}, after: {} };
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const was = old[key] ?? null;
    const is = now[key] ?? null;
    if (keep.includes(key) || canonicalJson(was) !== canonicalJson(is)) {
      changed.before[key] = was;
      changed.after[key] = is;
    }
  }
  return changed;
}

function isFields(value: JsonValue): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
