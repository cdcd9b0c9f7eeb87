import { PageSkeleton } from '@/components/page-skeleton';

// Only where a page never calls notFound(): a loading boundary starts the response (status 200)
// before the page runs, so product and category pages have none and can answer a real 404.
export default function Loading() {
  return <PageSkeleton />;
}
