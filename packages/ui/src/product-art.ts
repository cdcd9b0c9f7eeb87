/**
 * Generated product artwork for a catalogue without photographs: a two-tone gradient, a soft
 * shape and the product's initials, all derived from the slug, so a product looks the same on
 * every page, in every render and from every server (no randomness, no state).
 */
export function productArtSvg(slug: string, label?: string): string {
  const hash = fnv1a(slug);
  const hue = hash % 360;
  // A neighbouring hue keeps the gradient harmonious; mid lightness keeps white text readable.
  const nextHue = (hue + 30 + ((hash >>> 9) % 40)) % 360;
  const shape = shapes[(hash >>> 3) % shapes.length] ?? shapes[0];
  const rotation = ((hash >>> 5) % 30) - 15;
  const initials = escapeXml(initialsOf(label ?? slug.replace(/-/g, ' ')));
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" preserveAspectRatio="xMidYMid slice">',
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">',
    `<stop offset="0" stop-color="hsl(${hue} 36% 42%)"/>`,
    `<stop offset="1" stop-color="hsl(${nextHue} 44% 62%)"/>`,
    '</linearGradient></defs>',
    '<rect width="400" height="300" fill="url(#g)"/>',
    shape?.(rotation) ?? '',
    '<text x="200" y="150" dy="0.35em" text-anchor="middle" fill="#fff" fill-opacity="0.94"',
    ' font-size="92" font-weight="600" letter-spacing="-2"',
    ` font-family="ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    initials,
    '</text></svg>',
  ].join('');
}

/** The artwork as a `data:` URL, for an <img> that needs no request. */
export function productArtDataUrl(slug: string, label?: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(productArtSvg(slug, label))}`;
}

const soft = 'fill="#fff" fill-opacity="0.14"';
const softer = 'fill="#fff" fill-opacity="0.1"';

const shapes: Array<(rotation: number) => string> = [
  () => `<circle cx="330" cy="40" r="130" ${soft}/><circle cx="60" cy="280" r="90" ${softer}/>`,
  (rotation) =>
    `<g transform="rotate(${rotation} 200 150)"><rect x="95" y="45" width="210" height="210" rx="44" ${soft}/>` +
    `<rect x="135" y="85" width="130" height="130" rx="28" ${softer}/></g>`,
  () =>
    `<path d="M0 210 C 100 160, 180 260, 400 190 L 400 300 L 0 300 Z" ${soft}/>` +
    `<path d="M0 250 C 120 210, 240 300, 400 240 L 400 300 L 0 300 Z" ${softer}/>`,
];

function initialsOf(name: string): string {
  const words = name.split(/[\s-]+/).filter((word) => /^[\p{L}\p{N}]/u.test(word));
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** FNV-1a: a tiny, stable string hash (same result in Node and every browser). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
