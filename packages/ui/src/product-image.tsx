import { classNames } from './class-names';
import { productArtDataUrl } from './product-art';
import { productImageSrcSet } from './product-image-loader';

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
  /** How wide it is shown, for an uploaded image's `srcset` (default: a grid column's width). */
  sizes?: string;
  className?: string;
}

/**
 * The product's image, or when it has none its generated artwork (see `productArtSvg`). A plain
 * <img> keeps this package framework-free; an uploaded image gets a `srcset` of its stored widths
 * (the same URLs `productImageLoader` gives `next/image`).
 */
export function ProductImage({
  slug,
  name,
  imageUrl,
  alt,
  decorative,
  priority,
  shape = 'landscape',
  sizes = '(min-width: 1024px) 25vw, (min-width: 640px) 50vw, 100vw',
  className,
}: ProductImageProps) {
  const square = shape === 'square';
  // Uploaded images come in several stored widths (the apps' /media/product/<id>?w=).
  const srcSet = imageUrl ? productImageSrcSet(imageUrl) : undefined;
  return (
    <img
      src={
        imageUrl
          ? srcSet
            ? `${imageUrl}?w=640`
            : imageUrl
          : productArtDataUrl(slug, { label: name })
      }
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
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
