/**
 * The two patch semantics kustomize applies to a patch file: Kubernetes' strategic merge for
 * built-in kinds (lists of named things merge item by item), and JSON merge patch (RFC 7386: lists
 * are replaced) for custom resources, whose schema kustomize does not know.
 */

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `patchMergeKey` of the built-in list fields the manifests patch; other lists are replaced. */
function mergeKeyOf(field: string, items: Json[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports':
      // Container ports merge on containerPort, Service ports on port.
      return items.some((item) => isRecord(item) && 'containerPort' in item)
        ? 'containerPort'
        : 'port';
    default:
      return undefined;
  }
}

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isRecord(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = jsonMergePatch(result[key], value);
  }
  return result;
}

export function strategicMerge(target: Json, patch: Json): Json {
  if (!isRecord(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _replace, ...rest } = patch;
    return structuredClone(rest);
  }
  const result: Record<string, Json> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const current = result[key];
    if (Array.isArray(value) && Array.isArray(current)) {
      const mergeKey = mergeKeyOf(key, [...current, ...value]);
      result[key] = mergeKey ? mergeList(current, value, mergeKey) : structuredClone(value);
    } else {
      result[key] = strategicMerge(current, value);
    }
  }
  return result;
}

/**
 * As kustomize (kyaml) merges an associative list: the patch's items first, in the patch's order,
 * each merged into its original when there is one; then the originals the patch did not name.
 * `$patch: delete` removes an item.
 */
function mergeList(current: Json[], patch: Json[], mergeKey: string): Json[] {
  const keyOf = (item: Json) => (isRecord(item) ? item[mergeKey] : undefined);
  const named = new Set(patch.map(keyOf));
  const merged: Json[] = [];
  for (const item of patch) {
    if (!isRecord(item)) throw new Error(`a ${mergeKey}-keyed list holds a non-object`);
    if (item.$patch === 'delete') continue;
    const original = current.find((existing) => keyOf(existing) === item[mergeKey]);
    merged.push(strategicMerge(original, item));
  }
  return [...merged, ...current.filter((item) => !named.has(keyOf(item)))];
}
