/**
 * "in 1 hour (24 November 2026, 14:05 UTC)": how long a single-use link still works, readable
 * without knowing the recipient's time zone.
 */
export function describeExpiry(expiresAt: string, now = new Date()): string {
  const expiry = new Date(expiresAt);
  const minutes = Math.max(1, Math.round((expiry.getTime() - now.getTime()) / 60_000));
  const relative =
    minutes < 90
      ? `${minutes} minute${minutes === 1 ? '' : 's'}`
      : minutes < 36 * 60
        ? `${Math.round(minutes / 60)} hours`
        : `${Math.round(minutes / (24 * 60))} days`;
  const absolute = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(expiry);
  return `in ${relative} (${absolute} UTC)`;
}

/** `${storefrontUrl}${path}?token=...`, with the token encoded. */
export function tokenLink(storefrontUrl: string, path: string, token: string): string {
  return `${storefrontUrl}${path}?token=${encodeURIComponent(token)}`;
}
