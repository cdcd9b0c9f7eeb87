import { ListPageSkeleton } from '@/components/page-skeleton';

/** While campaigns load: the page's shape, announced once. */
export default function CampaignsLoading() {
  return <ListPageSkeleton label="Loading campaigns" />;
}
