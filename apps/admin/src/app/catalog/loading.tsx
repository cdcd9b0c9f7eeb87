import { ListPageSkeleton } from '@/components/page-skeleton';

/** While products load: the page's shape, announced once. */
export default function CatalogLoading() {
  return <ListPageSkeleton label="Loading the catalogue" />;
}
