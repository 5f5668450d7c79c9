/** One changed leaf: its JSON path in the offer ("guarantees.glasses.frameMax") and both values (null = absent). */
export interface AuditChange {
  path: string;
  old: unknown;
  new: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Field-level diff of two JSON values, leaf by leaf, in a stable order (keys of `before`
 * first, then new keys; array items by index). Absent and undefined both read as null,
 * so an optional field that is added or removed shows as null → value or value → null
 * (an added object or array, leaf by leaf).
 */
export function diffJson(before: unknown, after: unknown, path: string[] = []): AuditChange[] {
  // A created (or removed) object is listed leaf by leaf, so its entry says what each field holds.
  if (before == null && (isObject(after) || Array.isArray(after))) return diffJson(Array.isArray(after) ? [] : {}, after, path);
  if (after == null && (isObject(before) || Array.isArray(before))) return diffJson(before, Array.isArray(before) ? [] : {}, path);
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !(key in before))];
    return keys.flatMap((key) => diffJson(before[key], after[key], [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffJson(before[index], after[index], [...path, String(index)])).flat();
  }
  const old = before ?? null;
  const next = after ?? null;
  if (JSON.stringify(old) === JSON.stringify(next)) return [];
  return [{ path: path.join(".") || "(offre)", old, new: next }];
}
