import { classNames } from './class-names';
import { productArtDataUrl } from './product-art';

export interface ProductImageProps {
  /** Seeds the generated artwork when there is no photo. */
  slug: string;
  name: string;
  imageUrl?: string | null;
  /** Describes the image; ignored when `decorative`. */
  alt?: string;
  /** Set where the product's name is already next to the image (cards, lists): alt="". */
  decorative?: boolean;
  /** Above-the-fold images load eagerly; the rest wait until they are scrolled near. */
  priority?: boolean;
  /** 4:3 (default) or 1:1. The image fills its container's width; size it with a wrapper. */
  shape?: 'landscape' | 'square';
  className?: string;
}

/**
 * The product's image, or when it has none its generated artwork (see `productArtSvg`). A plain
 * <img> keeps this package framework-free; apps may swap in an optimising image component.
 */
export function ProductImage({
  slug,
  name,
  imageUrl,
  alt,
  decorative,
  priority,
  shape = 'landscape',
  className,
}: ProductImageProps) {
  const square = shape === 'square';
  return (
    <img
      src={imageUrl || productArtDataUrl(slug, { label: name })}
      // Intrinsic size (the artwork's own): the browser reserves the space before it loads.
      width={square ? 300 : 400}
      height={300}
      alt={decorative ? '' : (alt ?? name)}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
      className={classNames(
        'block w-full bg-surface-sunken object-cover',
        square ? 'aspect-square' : 'aspect-[4/3]',
        className,
      )}
    />
  );
}
