'use client';

import { Button, classNames, isUploadedProductImage, productImageLoader, Spinner } from '@shop/ui';
import Image from 'next/image';
import { useId, useRef, useState } from 'react';
import { variantLabel, type ImageDraft, type VariantDraft } from './editor-values';
import {
  imageIndexAfterMove,
  imageIndexAfterRemoval,
  moveItem,
  uploadProductImage,
} from './product-image-upload';

type ImagesAndVariants = { images: ImageDraft[]; variants: VariantDraft[] };

interface Upload {
  key: string;
  name: string;
  status: 'uploading' | 'failed';
  message?: string;
}

/**
 * The product's images: upload several at once (drop them on the area or choose them), put them
 * in order by dragging or with the Move buttons (the keyboard way), describe each one (alt text is
 * needed to publish) or remove it. The first image is the one shop listings show. Each variant
 * can show one of them (its colour, say); moves and removals keep that choice on the same photo.
 */
export function ProductImagesField({
  images,
  variants,
  onChange,
  errors,
  disabled,
}: {
  images: ImageDraft[];
  variants: VariantDraft[];
  onChange: (update: (current: ImagesAndVariants) => ImagesAndVariants) => void;
  errors: Record<string, string>;
  disabled: boolean;
}) {
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const dragged = useRef<number | null>(null);

  const uploadAll = async (files: File[]) => {
    const batch = files.map((file) => ({ file, key: `${file.name}-${crypto.randomUUID()}` }));
    setUploads((current) => [
      ...current,
      ...batch.map(({ file, key }) => ({ key, name: file.name, status: 'uploading' as const })),
    ]);
    // One at a time: the server re-encodes each, and the order chosen is the order kept.
    for (const { file, key } of batch) {
      const result = await uploadProductImage(file);
      if (result.ok) {
        onChange((current) => ({
          ...current,
          images: [...current.images, { url: result.url, alt: '' }],
        }));
        setUploads((current) => current.filter((upload) => upload.key !== key));
        setAnnouncement(`${file.name} uploaded. Add its alt text.`);
      } else {
        setUploads((current) =>
          current.map((upload) =>
            upload.key === key ? { ...upload, status: 'failed', message: result.message } : upload,
          ),
        );
        setAnnouncement(`${file.name} was not uploaded: ${result.message}`);
      }
    }
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= images.length || from === to) return;
    onChange((current) => ({
      images: moveItem(current.images, from, to),
      // A lone variant shows the main (first) image; several keep their own photo.
      variants: current.variants.map((variant) => ({
        ...variant,
        imageIndex:
          current.variants.length > 1 ? imageIndexAfterMove(variant.imageIndex ?? 0, from, to) : 0,
      })),
    }));
    setAnnouncement(`Image moved to position ${to + 1} of ${images.length}.`);
  };

  const uploading = uploads.some((upload) => upload.status === 'uploading');

  return (
    <div className="flex flex-col gap-4" data-testid="product-images">
      {!disabled ? (
        <div
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes('Files')) return;
            event.preventDefault();
            setDragOver(true);
          }}
          onDragLeave={() => setDragOver(false)}
          onDrop={(event) => {
            if (event.dataTransfer.files.length === 0) return;
            event.preventDefault();
            setDragOver(false);
            void uploadAll([...event.dataTransfer.files]);
          }}
          className={classNames(
            'flex flex-col items-center gap-2 rounded-card border-2 border-dashed p-6 text-center',
            dragOver ? 'border-accent-600 bg-accent-50' : 'border-line',
          )}
        >
          <p className="text-sm text-ink">Drop photos here, or</p>
          <label
            htmlFor={inputId}
            className="cursor-pointer rounded-control border border-line bg-surface px-3 py-2 text-sm font-medium text-ink focus-within:outline-2 focus-within:outline-accent-600 hover:bg-surface-sunken"
          >
            Choose images
            <input
              id={inputId}
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp"
              className="sr-only"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length > 0) void uploadAll(files);
              }}
            />
          </label>
          <p className="text-xs text-ink-muted">
            JPEG, PNG or WebP, up to 15 MB and 40 megapixels each. Location and camera details are
            removed.
          </p>
        </div>
      ) : null}

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      {uploads.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Uploads" aria-busy={uploading}>
          {uploads.map((upload) => (
            <li
              key={upload.key}
              className="flex flex-wrap items-center justify-between gap-2 rounded-control border border-line p-2 text-sm"
            >
              {upload.status === 'uploading' ? (
                <Spinner label={`Uploading ${upload.name}`} />
              ) : (
                <span role="alert" className="text-danger">
                  {upload.name}: {upload.message}
                </span>
              )}
              {upload.status === 'uploading' ? (
                <span className="min-w-0 truncate text-ink-muted">{upload.name}</span>
              ) : null}
              {upload.status === 'failed' ? (
                <Button
                  variant="secondary"
                  onClick={() =>
                    setUploads((current) => current.filter((entry) => entry.key !== upload.key))
                  }
                >
                  Dismiss
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {images.length === 0 ? (
        <p className="text-sm text-ink-muted">
          No images yet: the shop shows generated artwork until there is one.
        </p>
      ) : (
        <ol
          className="grid gap-3 sm:grid-cols-2"
          aria-label="Images, in the order shoppers see them"
        >
          {images.map((image, index) => {
            const altError = errors[`images.${index}.alt`];
            const altId = `${inputId}-alt-${index}`;
            return (
              <li
                key={image.url}
                draggable={!disabled}
                onDragStart={(event) => {
                  dragged.current = index;
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(event) => {
                  if (dragged.current === null) return;
                  event.preventDefault();
                }}
                onDrop={(event) => {
                  if (dragged.current === null) return;
                  event.preventDefault();
                  move(dragged.current, index);
                  dragged.current = null;
                }}
                onDragEnd={() => {
                  dragged.current = null;
                }}
                className="flex gap-3 rounded-control border border-line bg-surface p-2"
                data-testid="product-image"
              >
                <div className="w-24 shrink-0">
                  <Image
                    loader={productImageLoader}
                    // Uploaded images come in stored widths; other catalogue URLs are used as they are.
                    unoptimized={!isUploadedProductImage(image.url)}
                    src={image.url}
                    alt=""
                    width={96}
                    height={96}
                    sizes="96px"
                    className="aspect-square w-24 rounded-control bg-surface-sunken object-cover"
                  />
                  <p className="mt-1 text-center text-xs text-ink-muted">
                    {index === 0 ? 'Main image' : `Image ${index + 1}`}
                  </p>
                </div>
                <div className="flex min-w-0 flex-1 flex-col gap-2">
                  <label htmlFor={altId} className="text-sm font-medium text-ink">
                    Alt text for image {index + 1}
                  </label>
                  <textarea
                    id={altId}
                    rows={2}
                    maxLength={300}
                    value={image.alt}
                    placeholder="What the photo shows, e.g. Oak lamp lit on a desk"
                    aria-invalid={altError ? true : undefined}
                    aria-describedby={altError ? `${altId}-error` : undefined}
                    onChange={(event) => {
                      const alt = event.target.value;
                      onChange((current) => ({
                        ...current,
                        images: current.images.map((entry, at) =>
                          at === index ? { ...entry, alt } : entry,
                        ),
                      }));
                    }}
                    className={classNames(
                      'w-full rounded-control border bg-surface px-2 py-1 text-sm text-ink',
                      altError ? 'border-danger' : 'border-line',
                    )}
                  />
                  {altError ? (
                    <p id={`${altId}-error`} className="text-sm font-medium text-danger">
                      {altError}
                    </p>
                  ) : null}
                  {!disabled ? (
                    <div className="flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                        aria-label={`Move image ${index + 1} earlier`}
                      >
                        Earlier
                      </Button>
                      <Button
                        variant="secondary"
                        disabled={index === images.length - 1}
                        onClick={() => move(index, index + 1)}
                        aria-label={`Move image ${index + 1} later`}
                      >
                        Later
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => {
                          onChange((current) => ({
                            images: current.images.filter((_, at) => at !== index),
                            variants: current.variants.map((variant) => ({
                              ...variant,
                              imageIndex: imageIndexAfterRemoval(variant.imageIndex ?? 0, index),
                            })),
                          }));
                          setAnnouncement(`Image ${index + 1} removed.`);
                        }}
                        aria-label={`Remove image ${index + 1}`}
                      >
                        Remove
                      </Button>
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      {images.length > 1 && variants.length > 1 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-ink">Image shown for each variant</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {variants.map((variant, variantIndex) => (
              <label
                key={variantIndex}
                className="flex min-w-0 flex-wrap items-center justify-between gap-2 text-sm text-ink"
              >
                {variantLabel(variant)}
                <select
                  value={Math.min(variant.imageIndex ?? 0, images.length - 1)}
                  onChange={(event) => {
                    const imageIndex = Number(event.target.value);
                    onChange((current) => ({
                      ...current,
                      variants: current.variants.map((entry, at) =>
                        at === variantIndex ? { ...entry, imageIndex } : entry,
                      ),
                    }));
                  }}
                  // An alt text can be long: the choice fits a phone's width, not its option's.
                  className="max-w-full min-w-0 rounded-control border border-line bg-surface px-2 py-1"
                >
                  {images.map((image, imageIndex) => (
                    <option key={image.url} value={imageIndex}>
                      Image {imageIndex + 1}
                      {image.alt ? `: ${image.alt.slice(0, 40)}` : ''}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
