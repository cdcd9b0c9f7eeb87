type ReviewPhoto = { id: string; url: string; width: number; height: number };

/**
 * A review's photos in the moderation queue, so a moderator sees what would be published (served
 * by the admin's own `/media/review/[id]`); each opens the large size.
 */
export function ReviewPhotoStrip({ photos }: { photos: ReviewPhoto[] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="Photos" data-testid="queue-review-photos">
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
              className="h-24 w-24 rounded-md border border-line object-cover"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
