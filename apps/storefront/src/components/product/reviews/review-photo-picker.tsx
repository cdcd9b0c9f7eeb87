'use client';

import { Button } from '@shop/ui';
import { useRef, useState } from 'react';
import { ReviewPhotos } from './review-photos';

export type PickedPhoto = { id: string; url: string; width: number; height: number };

/** The review cell's limits (cells/review/photo-processing.ts), repeated to answer before upload. */
const maxPhotos = 5;
const maxBytes = 10 * 1024 * 1024;

async function uploadPhoto(file: File, linkToken?: string): Promise<PickedPhoto> {
  if (file.size > maxBytes) throw new Error(`${file.name} is larger than 10 MB.`);
  const answer = await fetch('/api/media/review-photos', {
    method: 'POST',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      // Written through an emailed review link, without a session: the link vouches instead.
      ...(linkToken ? { 'x-review-link': linkToken } : {}),
    },
    body: file,
  });
  const json = (await answer.json().catch(() => null)) as
    (PickedPhoto & { error?: { message?: string } }) | null;
  if (answer.status !== 201 || !json) {
    throw new Error(json?.error?.message ?? `${file.name} could not be uploaded; try again.`);
  }
  return { id: json.id, url: json.url, width: json.width, height: json.height };
}

/** Up to five photos for a review: each is uploaded as it is picked, and can be taken out. */
export function ReviewPhotoPicker({
  photos,
  onChange,
  linkToken,
}: {
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  linkToken?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setProblem(null);
    setBusy(true);
    const next = [...photos];
    for (const file of Array.from(files).slice(0, maxPhotos - photos.length)) {
      try {
        next.push(await uploadPhoto(file, linkToken));
      } catch (error) {
        setProblem((error as Error).message);
      }
    }
    if (files.length > maxPhotos - photos.length) setProblem(`At most ${maxPhotos} photos.`);
    onChange(next);
    setBusy(false);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="text-sm">
      <label className="block">
        <span className="font-medium text-ink">Photos (optional, up to {maxPhotos})</span>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={busy || photos.length >= maxPhotos}
          className="mt-1 block w-full text-sm"
          data-testid="review-photo-input"
          onChange={(event) => void add(event.target.files)}
        />
      </label>
      <p className="mt-1 text-xs text-ink-muted">
        JPEG, PNG or WebP, up to 10 MB each. Location and camera details are removed.
      </p>
      {busy ? (
        <p className="mt-1 text-ink-muted" role="status">
          Uploading…
        </p>
      ) : null}
      {problem ? (
        <p className="mt-1 text-danger" role="alert">
          {problem}
        </p>
      ) : null}
      <ReviewPhotos photos={photos} label="Photos you added" />
      {photos.length > 0 ? (
        <Button size="sm" variant="ghost" className="mt-1" onClick={() => onChange([])}>
          Remove the photos
        </Button>
      ) : null}
    </div>
  );
}
