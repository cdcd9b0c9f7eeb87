import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  imageIndexAfterMove,
  imageIndexAfterRemoval,
  moveItem,
  uploadProductImage,
} from './product-image-upload';

afterEach(() => vi.unstubAllGlobals());

describe('reordering images', () => {
  it('moves one image earlier or later and keeps the rest in order', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a'], 3, 0)).toEqual(['a']);
  });

  it("keeps each variant's image on the same photo when photos move or go", () => {
    const images = ['a', 'b', 'c', 'd'];
    for (const [from, to] of [
      [0, 3],
      [3, 0],
      [1, 2],
      [2, 1],
    ] as const) {
      const moved = moveItem(images, from, to);
      for (const index of [0, 1, 2, 3]) {
        expect(moved[imageIndexAfterMove(index, from, to)]).toBe(images[index]);
      }
    }
    // Removing photo 2 (index 1): a variant on it falls back to the first, later ones shift.
    expect([0, 1, 2, 3].map((index) => imageIndexAfterRemoval(index, 1))).toEqual([0, 0, 1, 2]);
  });
});

describe('uploading one image', () => {
  const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'lamp.jpg', { type: 'image/jpeg' });

  it("sends the file as the body with its own type and returns the stored image's path", async () => {
    const url = `/media/product/${'c'.repeat(32)}`;
    const fetchMock = vi.fn(async () =>
      Response.json({ url, width: 800, height: 600 }, { status: 201 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await expect(uploadProductImage(file)).resolves.toEqual({ ok: true, url });
    expect(fetchMock).toHaveBeenCalledWith('/api/media/product-images', {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: file,
    });
  });

  it("passes on the server's reason for a refused file", async () => {
    const message =
      'This file is not a JPEG, PNG or WebP image (its contents were checked, not its name).';
    vi.stubGlobal('fetch', async () => Response.json({ error: { message } }, { status: 415 }));
    await expect(uploadProductImage(file)).resolves.toEqual({ ok: false, message });
  });
});
