'use client';

import { classNames, ProductImage } from '@shop/ui';
import { useVariant } from './variant-state';

/** The large image of the chosen variant and thumbnails of every image. */
export function ProductGallery() {
  const { product, imageIndex, showImage } = useVariant();
  const images = product.images;
  const current = images[imageIndex] ?? images[0];
  return (
    <div className="flex flex-col gap-3" data-testid="product-gallery">
      <ProductImage
        slug={product.slug}
        name={product.name}
        imageUrl={current?.url}
        alt={current?.alt ?? product.name}
        priority
        shape="square"
        sizes="(min-width: 1024px) 50vw, 100vw"
        className="rounded-card border border-line shadow-card"
      />
      {images.length > 1 ? (
        <ul className="grid grid-cols-5 gap-2" aria-label="Product images">
          {images.map((image, index) => (
            <li key={image.url}>
              <button
                type="button"
                onClick={() => showImage(index)}
                aria-pressed={index === imageIndex}
                aria-label={`Show image ${index + 1}: ${image.alt}`}
                className={classNames(
                  'block w-full overflow-hidden rounded-control border-2',
                  index === imageIndex ? 'border-accent-600' : 'border-transparent',
                )}
              >
                <ProductImage
                  slug={product.slug}
                  name={product.name}
                  imageUrl={image.url}
                  decorative
                  shape="square"
                  sizes="(min-width: 1024px) 10vw, 20vw"
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
