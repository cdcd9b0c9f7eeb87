import { catalog } from './catalog';
import type { CampaignBlock } from './inputs';

/** What a product card in a campaign shows: read from the catalogue at render and send time. */
export interface ProductCard {
  id: string;
  name: string;
  /** Absolute https(s) URL, or null when the product has no image. */
  imageUrl: string | null;
  imageAlt: string;
  priceMinor: number;
  currency: string;
  /** The product page, absolute. */
  href: string;
}

function absolute(url: string, storefrontUrl: string): string | null {
  const resolved = URL.canParse(url) ? new URL(url) : new URL(url, `${storefrontUrl}/`);
  return /^https?:$/.test(resolved.protocol) ? resolved.toString() : null;
}

/**
 * The cards of every product block, by product id. Products no longer shown to shoppers (drafts,
 * archived, deleted) are left out: the email shows the others.
 */
export async function productCardsFor(
  blocks: readonly CampaignBlock[],
  storefrontUrl: string,
): Promise<Record<string, ProductCard>> {
  const ids = [
    ...new Set(blocks.flatMap((block) => (block.type === 'products' ? block.productIds : []))),
  ];
  if (ids.length === 0) return {};
  const products = await (await catalog()).byIds(ids);
  return Object.fromEntries(
    products
      .filter((product) => product.listed)
      .map(({ summary }) => [
        summary.id,
        {
          id: summary.id,
          name: summary.name,
          imageUrl: summary.image ? absolute(summary.image.url, storefrontUrl) : null,
          imageAlt: summary.image?.alt || summary.name,
          priceMinor: summary.priceMinor,
          currency: summary.currency,
          href: `${storefrontUrl}/products/${encodeURIComponent(summary.slug)}`,
        },
      ]),
  );
}
