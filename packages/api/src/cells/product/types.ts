/** What the product cell answers with: plain JSON, the same shape the apps render. */
export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  brand: string;
  /** Integer minor units (cents), never a float. */
  priceMinor: number;
  currency: string;
  imageUrl: string | null;
  imageAlt: string;
  categorySlugs: string[];
}

export type ProductDetail = ProductSummary & { description: string };

export interface Category {
  slug: string;
  name: string;
  description: string;
}

export interface ProductPage {
  items: ProductSummary[];
  totalCount: number;
  page: number;
  hasMore: boolean;
}
