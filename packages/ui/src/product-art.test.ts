import { describe, expect, it } from 'vitest';
import { productArtSvg } from './product-art';

describe('productArtSvg', () => {
  it('draws the same artwork for the same product every time', () => {
    expect(productArtSvg('oak-tray', 'Oak Tray')).toBe(productArtSvg('oak-tray', 'Oak Tray'));
  });

  it('gives different products different colours', () => {
    const stopColours = (svg: string) => svg.match(/stop-color="[^"]+"/g);
    expect(stopColours(productArtSvg('oak-tray'))).not.toEqual(
      stopColours(productArtSvg('linen-throw')),
    );
  });

  it('shows the initials of the first two words, from the name or else the slug', () => {
    expect(productArtSvg('x', 'Terracotta Watering Can')).toContain('>TW</text>');
    expect(productArtSvg('teak-lantern')).toContain('>TL</text>');
  });

  it('never copies markup from the name into the SVG', () => {
    const svg = productArtSvg('odd', '<script>alert(1)</script> Box & "Co"');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('>B</text>');
  });
});
