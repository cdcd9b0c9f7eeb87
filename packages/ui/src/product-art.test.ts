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
    expect(productArtSvg('teak-crate')).toContain('>TC</text>');
  });

  it('never copies markup from the name into the SVG', () => {
    const svg = productArtSvg('odd', '<script>alert(1)</script> Box & "Co"');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('>B</text>');
  });

  it('paints the object in the colour it is named for', () => {
    const navy = productArtSvg('linen-shirt', { colour: 'Navy' });
    const sand = productArtSvg('linen-shirt', { colour: 'sand' });
    expect(navy).toContain('hsl(222 50% 24%)');
    expect(sand).toContain('hsl(36 38% 70%)');
    expect(navy).not.toBe(sand);
  });

  it('draws a silhouette for the kind of product the slug names, instead of initials', () => {
    expect(productArtSvg('harbor-desk-lamp', { label: 'Harbor Desk Lamp' })).not.toContain(
      '</text>',
    );
    expect(productArtSvg('odd-widget', { label: 'Odd Widget' })).toContain('>OW</text>');
  });

  it('has an intrinsic size so pages reserve its space', () => {
    expect(productArtSvg('oak-tray')).toContain('width="400" height="300"');
  });
});
