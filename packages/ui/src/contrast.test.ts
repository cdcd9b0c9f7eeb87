import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The design tokens as the apps get them: every `--color-*: oklch(L C H)` in styles.css.
const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
const tokens = new Map(
  Array.from(
    css.matchAll(/--color-([\w-]+):\s*oklch\(([\d.]+)\s+([\d.]+)\s+([\d.]+)\)/g),
    ([, name, l, c, h]) => [name, [Number(l), Number(c), Number(h)]] as const,
  ),
);

/** WCAG relative luminance of an OKLCH colour (via linear sRGB, clipped to the gamut). */
function luminance(name: string): number {
  const colour = tokens.get(name);
  if (!colour) throw new Error(`no --color-${name} token in styles.css`);
  const [lightness, chroma, hue] = colour;
  const a = chroma * Math.cos((hue * Math.PI) / 180);
  const b = chroma * Math.sin((hue * Math.PI) / 180);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (value: number) => Math.min(1, Math.max(0, value));
  const red = clip(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  const green = clip(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  const blue = clip(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('colour tokens', () => {
  it('computes contrast like WCAG (white on white 1:1, black ink far above 4.5:1)', () => {
    expect(contrast('surface', 'surface')).toBeCloseTo(1, 5);
    expect(contrast('ink', 'surface')).toBeGreaterThan(12);
  });

  // Small text (captions, brands, hints, footers) uses every ink tone on every surface.
  it.each(['ink', 'ink-muted', 'ink-subtle'])(
    '%s text is AA-readable (4.5:1) on the canvas, cards and sunken surfaces',
    (ink) => {
      for (const background of ['canvas', 'surface', 'surface-sunken']) {
        expect(contrast(ink, background), `${ink} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it('keeps accent links, buttons and status text AA-readable', () => {
    expect(contrast('accent-700', 'surface')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('accent-700', 'accent-50')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('on-accent', 'accent-600')).toBeGreaterThanOrEqual(4.5);
    for (const tone of ['success', 'warning', 'danger', 'info']) {
      expect(contrast(tone, `${tone}-soft`), tone).toBeGreaterThanOrEqual(4.5);
    }
  });
});
