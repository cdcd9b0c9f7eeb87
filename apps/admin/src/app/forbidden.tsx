import type { Metadata } from 'next';
import { NoAccess } from '@/components/no-access';

export const metadata: Metadata = { title: 'No access' };

/** `forbidden()` from a page: the staff member's roles do not include this section. */
export default function Forbidden() {
  return <NoAccess />;
}
