import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A plain photo-like JPEG of the given size. */
export function jpeg(width = 800, height = 600, colour = '#c0392b'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/**
 * A JPEG as a phone writes it: EXIF with the camera, the GPS position where it was taken, and
 * orientation 6 (stored sideways, shown turned a quarter clockwise).
 */
export function phonePhotoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#2e86c1' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestPhone', Model: 'Camera 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 22/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 53/1 4321/100',
      },
    })
    .toBuffer();
}

/** Whether an EXIF block (as sharp's metadata gives it) points to GPS data (tag 0x8825 in IFD0). */
export function hasGpsPosition(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(6); // after "Exif\0\0"
  const little = tiff.toString('ascii', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let entry = 0; entry < u16(ifd0); entry += 1) {
    if (u16(ifd0 + 2 + entry * 12) === 0x8825) return true;
  }
  return false;
}

/**
 * A small, valid PNG whose header claims `width` x `height`: a decompression bomb's shape. Only
 * the header (IHDR, with its checksum fixed) is changed.
 */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  // Signature (8 bytes), then IHDR: length (4), type (4), width (4), height (4), ... CRC.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  const ihdrLength = png.readUInt32BE(8);
  png.writeUInt32BE(crc32(png.subarray(12, 16 + ihdrLength)), 16 + ihdrLength);
  return png;
}
