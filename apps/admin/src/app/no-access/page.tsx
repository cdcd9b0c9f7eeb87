import type { Metadata } from 'next';
import { NoAccess } from '@/components/no-access';

export const metadata: Metadata = { title: 'No access', robots: { index: false } };

/**
 * Where the proxy rewrites a request for a section the staff member's roles do not allow, with
 * status 403 (pages also call `forbidden()`, but by then the shell has started streaming and the
 * status is already 200).
 */
export default function NoAccessPage() {
  return <NoAccess />;
}
