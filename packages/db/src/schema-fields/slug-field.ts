/** URL-safe identifiers (`oak-desk-lamp`); unique where the owning schema declares an index. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugField() {
  return {
    type: String,
    required: true,
    trim: true,
    lowercase: true,
    match: [slugPattern, '{PATH} must be lowercase words joined by hyphens'],
  } as const;
}
