/**
 * What the product cell answers with: plain JSON, the shapes the apps render. Money is integer
 * minor units with the product's currency. No stock counts, costs or timestamps beyond these leave
 * the cell to shoppers; staff procedures have their own shapes.
 */
export interface ProductImage {
  url: string;
  alt: string;
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  brand: string;
  /** Cheapest variant's price: "from" price on cards. */
  priceMinor: number;
  /** Dearest variant's price; equal to `priceMinor` when every variant costs the same. */
  priceMaxMinor: number;
  /** The cheapest variant's compare-at price when it is on sale, else null. */
  compareAtPriceMinor: number | null;
  currency: string;
  image: ProductImage | null;
  categorySlugs: string[];
  inStock: boolean;
  rating: { average: number; count: number };
}

export type StockState = 'in_stock' | 'low_stock' | 'out_of_stock';

export interface ProductVariant {
  sku: string;
  /** One value per product option, in option order. */
  optionValues: string[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  imageIndex: number;
  stock: StockState;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  options: { name: string; values: string[] }[];
  variants: ProductVariant[];
  images: ProductImage[];
  attributes: { name: string; value: string }[];
  seo: { title: string; description: string };
  /** Root first, ending with the product's primary category. */
  breadcrumbs: { slug: string; name: string }[];
  updatedAt: string;
}

export interface Category {
  slug: string;
  name: string;
  description: string;
  parentSlug: string | null;
  /** Root first. */
  ancestorSlugs: string[];
}

export interface CategoryNode extends Category {
  children: CategoryNode[];
}

export interface ProductPage {
  items: ProductSummary[];
  totalCount: number;
  page: number;
  hasMore: boolean;
}
