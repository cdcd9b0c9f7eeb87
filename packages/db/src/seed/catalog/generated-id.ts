/**
 * Generated documents get ObjectIds whose timestamp bytes are a fixed, long-past value
 * (0x5eed0000, June 2020) followed by a kind byte and the position. So ids are deterministic, and
 * "every generated document" is one `_id` range that can never contain an id the driver makes now
 * for a staff-created product: re-seeding replaces the generated catalog and nothing else.
 */
const generatedIdPrefix = '5eed0000';

export const generatedIdKinds = { category: '01', product: '02' } as const;
export type GeneratedIdKind = keyof typeof generatedIdKinds;

export function generatedId(kind: GeneratedIdKind, position: number): string {
  return `${generatedIdPrefix}${generatedIdKinds[kind]}${position.toString(16).padStart(14, '0')}`;
}

/** Lowest and highest id of a kind, for `{ _id: { $gte, $lte } }`. */
export function generatedIdRange(kind: GeneratedIdKind): { min: string; max: string } {
  const stem = `${generatedIdPrefix}${generatedIdKinds[kind]}`;
  return { min: `${stem}${'0'.repeat(14)}`, max: `${stem}${'f'.repeat(14)}` };
}
