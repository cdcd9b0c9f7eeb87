type ShownPhoto = { id: string; url: string; width: number; height: number };

/**
 * A review's photos as thumbnails (the 320-wide size); each opens the 1280-wide one. Plain
 * `<img>`: the review cell already made both sizes, so next/image would only add a hop.
 */
export function ReviewPhotos({ photos, label }: { photos: ShownPhoto[]; label: string }) {
  if (photos.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-2" aria-label={label} data-testid="review-photos">
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <a href={`${photo.url}?w=1280`} target="_blank" rel="noreferrer">
            {/* eslint-disable-next-line @next/next/no-img-element -- sizes made by the review cell */}
            <img
              src={`${photo.url}?w=320`}
              alt={`Photo ${index + 1} of ${photos.length}`}
              width={photo.width}
              height={photo.height}
              loading="lazy"
              className="h-20 w-20 rounded-md border border-line object-cover"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
