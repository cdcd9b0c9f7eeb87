/**
 * Generated product artwork for a catalogue without photographs. Everything is derived from the
 * product slug and the colour name, so a product looks the same on every page, in every render
 * and from every server (no randomness, no state):
 * - the colour name picks a palette (a "Navy" variant is navy, "Oak" is warm wood);
 * - a word in the slug picks a silhouette (a lamp looks like a lamp, a mug like a mug);
 * - the slug's hash varies the backdrop, so two products of one kind still differ.
 */
export interface ProductArtOptions {
  /** Product name: its initials are drawn when no silhouette matches. */
  label?: string;
  /** Colour name or slug ("Forest green", "forest-green"); absent: a hue from the slug. */
  colour?: string;
}

export function productArtSvg(slug: string, options: ProductArtOptions | string = {}): string {
  const { label, colour } = typeof options === 'string' ? { label: options } : options;
  const hash = fnv1a(slug);
  const palette = paletteFor(colour, hash);
  const silhouette = silhouetteFor(slug);
  const backdrop = backdrops[(hash >>> 3) % backdrops.length] ?? backdrops[0];
  const rotation = ((hash >>> 5) % 30) - 15;
  const initials = escapeXml(initialsOf(label ?? slug.replace(/-/g, ' ')));
  const object = silhouette
    ? `<g transform="translate(200 158)">${silhouette(palette)}</g>`
    : [
        // In the object's own colour: it carries the variant's colour and reads on the backdrop.
        `<text x="200" y="150" dy="0.35em" text-anchor="middle" fill="${palette.body}"`,
        ' font-size="92" font-weight="600" letter-spacing="-2"',
        ` font-family="ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
        initials,
        '</text>',
      ].join('');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300" preserveAspectRatio="xMidYMid slice">',
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">',
    `<stop offset="0" stop-color="${palette.backFrom}"/>`,
    `<stop offset="1" stop-color="${palette.backTo}"/>`,
    '</linearGradient></defs>',
    '<rect width="400" height="300" fill="url(#g)"/>',
    backdrop?.(rotation) ?? '',
    silhouette
      ? '<ellipse cx="200" cy="262" rx="110" ry="12" fill="#000" fill-opacity="0.12"/>'
      : '',
    object,
    '</svg>',
  ].join('');
}

/** The artwork as a `data:` URL, for an <img> that needs no request. */
export function productArtDataUrl(slug: string, options: ProductArtOptions | string = {}): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(productArtSvg(slug, options))}`;
}

interface Palette {
  backFrom: string;
  backTo: string;
  /** The object's body colour and a darker shade for its details. */
  body: string;
  shade: string;
}

// Hue, saturation and lightness of the object for common colour names in a catalogue.
const namedColours: Record<string, [number, number, number]> = {
  black: [220, 8, 16],
  charcoal: [215, 10, 26],
  graphite: [215, 8, 32],
  grey: [215, 8, 55],
  gray: [215, 8, 55],
  silver: [210, 8, 72],
  white: [40, 20, 96],
  ivory: [45, 45, 92],
  cream: [42, 55, 88],
  natural: [38, 35, 78],
  sand: [36, 38, 70],
  beige: [34, 36, 74],
  stone: [30, 12, 62],
  oat: [38, 30, 80],
  oak: [32, 48, 56],
  walnut: [24, 42, 32],
  brown: [24, 45, 34],
  tan: [30, 45, 58],
  camel: [32, 50, 54],
  terracotta: [14, 58, 50],
  rust: [16, 66, 42],
  red: [2, 70, 48],
  burgundy: [345, 55, 30],
  wine: [345, 50, 32],
  coral: [10, 78, 64],
  pink: [340, 60, 74],
  blush: [350, 50, 82],
  rose: [345, 55, 64],
  orange: [26, 85, 55],
  mustard: [44, 75, 50],
  yellow: [48, 90, 58],
  gold: [43, 70, 52],
  olive: [70, 35, 38],
  sage: [110, 18, 62],
  green: [140, 40, 38],
  forest: [150, 40, 24],
  mint: [155, 40, 76],
  teal: [180, 55, 34],
  turquoise: [175, 60, 48],
  sky: [200, 70, 70],
  blue: [215, 65, 46],
  cobalt: [220, 75, 42],
  navy: [222, 50, 24],
  indigo: [235, 45, 34],
  lavender: [260, 40, 76],
  lilac: [275, 35, 72],
  purple: [275, 45, 40],
  plum: [300, 30, 30],
  clear: [195, 30, 86],
  copper: [22, 60, 48],
  brass: [45, 60, 48],
  chrome: [210, 10, 70],
};

function paletteFor(colour: string | undefined, hash: number): Palette {
  const words = (colour ?? '').toLowerCase().split(/[^a-z]+/);
  // The last known word wins: "Forest green" is forest, "Light grey" is grey.
  const known = words.reverse().find((word) => word in namedColours);
  const [h, s, base] = known ? namedColours[known]! : [hash % 360, 45, 48];
  let l = base;
  if (words.includes('light')) l = Math.min(88, l + 18);
  if (words.includes('dark') || words.includes('deep')) l = Math.max(14, l - 16);
  // A backdrop of the same hue, pale when the object is dark and deeper when it is light, so the
  // object always stands out.
  const backLightness = l > 70 ? 62 : 88;
  const backSaturation = Math.min(s, 30);
  return {
    backFrom: `hsl(${h} ${backSaturation}% ${backLightness}%)`,
    backTo: `hsl(${(h + 24) % 360} ${backSaturation + 8}% ${backLightness - 10}%)`,
    body: `hsl(${h} ${s}% ${l}%)`,
    shade: `hsl(${h} ${s}% ${Math.max(8, l - 14)}%)`,
  };
}

const soft = 'fill="#fff" fill-opacity="0.18"';
const softer = 'fill="#fff" fill-opacity="0.12"';

const backdrops: Array<(rotation: number) => string> = [
  () => `<circle cx="330" cy="40" r="130" ${soft}/><circle cx="60" cy="280" r="90" ${softer}/>`,
  (rotation) =>
    `<g transform="rotate(${rotation} 200 150)"><rect x="95" y="45" width="210" height="210" rx="44" ${soft}/>` +
    `<rect x="135" y="85" width="130" height="130" rx="28" ${softer}/></g>`,
  () =>
    `<path d="M0 210 C 100 160, 180 260, 400 190 L 400 300 L 0 300 Z" ${soft}/>` +
    `<path d="M0 250 C 120 210, 240 300, 400 240 L 400 300 L 0 300 Z" ${softer}/>`,
];

type Silhouette = (palette: Palette) => string;

// Simple flat drawings centred on (0, 0), about 200 x 200, for the kinds of things a general
// store sells. Keyed by words that appear in product slugs.
const silhouettes: Array<[RegExp, Silhouette]> = [
  [
    /\b(mug|cup|tumbler)\b/,
    (p) =>
      `<path d="M-60 -60 h110 v100 a30 30 0 0 1 -30 30 h-50 a30 30 0 0 1 -30 -30 Z" fill="${p.body}"/>` +
      `<path d="M50 -35 h18 a26 26 0 0 1 0 52 h-18" fill="none" stroke="${p.shade}" stroke-width="14"/>`,
  ],
  [
    /\b(lamp|light|lantern|pendant)\b/,
    (p) =>
      `<path d="M-55 -20 L-30 -95 H30 L55 -20 Z" fill="${p.body}"/>` +
      `<rect x="-5" y="-20" width="10" height="90" fill="${p.shade}"/>` +
      `<rect x="-45" y="68" width="90" height="16" rx="8" fill="${p.shade}"/>`,
  ],
  [
    /\b(laptop|notebook-computer|ultrabook|chromebook)\b/,
    (p) =>
      `<rect x="-80" y="-75" width="160" height="105" rx="8" fill="${p.shade}"/>` +
      `<rect x="-70" y="-65" width="140" height="85" rx="3" fill="#fff" fill-opacity="0.85"/>` +
      `<path d="M-100 32 H100 L90 50 H-90 Z" fill="${p.body}"/>`,
  ],
  [
    /\b(phone|smartphone|tablet)\b/,
    (p) =>
      `<rect x="-45" y="-90" width="90" height="175" rx="16" fill="${p.shade}"/>` +
      `<rect x="-37" y="-78" width="74" height="145" rx="6" fill="${p.body}"/>`,
  ],
  [
    /\b(headphones?|headset|earbuds?)\b/,
    (p) =>
      `<path d="M-60 20 v-30 a60 60 0 0 1 120 0 v30" fill="none" stroke="${p.shade}" stroke-width="12"/>` +
      `<rect x="-78" y="5" width="34" height="60" rx="14" fill="${p.body}"/>` +
      `<rect x="44" y="5" width="34" height="60" rx="14" fill="${p.body}"/>`,
  ],
  [
    /\b(t-shirt|tee|shirt|top|blouse|sweater|jumper|hoodie|jacket|coat|dress|vest|cardigan|knit|overshirt|polo|fleece|parka)\b/,
    (p) =>
      `<path d="M-30 -85 L-90 -55 L-70 -10 L-50 -20 V85 H50 V-20 L70 -10 L90 -55 L30 -85 A32 22 0 0 1 -30 -85 Z" fill="${p.body}"/>` +
      `<path d="M-30 -85 A32 22 0 0 0 30 -85" fill="none" stroke="${p.shade}" stroke-width="6"/>`,
  ],
  [
    /\b(trousers|jeans|chinos|pants|shorts)\b/,
    (p) => `<path d="M-55 -85 H55 L65 85 H12 L0 -20 L-12 85 H-65 Z" fill="${p.body}"/>`,
  ],
  [
    /\b(shoes?|sneakers?|trainers?|boots?|loafers?|sandals?)\b/,
    (p) =>
      `<path d="M-95 30 V-20 C-70 -25 -50 -45 -40 -60 L0 -30 C30 -10 80 -5 95 15 V30 Z" fill="${p.body}"/>` +
      `<rect x="-98" y="28" width="196" height="16" rx="8" fill="${p.shade}"/>`,
  ],
  [
    /\b(bag|tote|backpack|rucksack|purse|satchel)\b/,
    (p) =>
      `<path d="M-35 -40 v-20 a35 35 0 0 1 70 0 v20" fill="none" stroke="${p.shade}" stroke-width="10"/>` +
      `<path d="M-75 -40 H75 L65 85 H-65 Z" fill="${p.body}"/>`,
  ],
  [
    /\b(chair|stool|armchair)\b/,
    (p) =>
      `<rect x="-55" y="-95" width="110" height="90" rx="14" fill="${p.body}"/>` +
      `<rect x="-65" y="-5" width="130" height="26" rx="8" fill="${p.shade}"/>` +
      `<path d="M-55 21 L-62 90 M55 21 L62 90" stroke="${p.shade}" stroke-width="10"/>`,
  ],
  [
    /\b(sofa|couch|bench)\b/,
    (p) =>
      `<rect x="-90" y="-50" width="180" height="70" rx="16" fill="${p.body}"/>` +
      `<rect x="-105" y="-10" width="210" height="55" rx="14" fill="${p.shade}"/>`,
  ],
  [
    /\b(table|desk)\b/,
    (p) =>
      `<rect x="-95" y="-40" width="190" height="16" rx="4" fill="${p.body}"/>` +
      `<path d="M-80 -24 V80 M80 -24 V80" stroke="${p.shade}" stroke-width="12"/>`,
  ],
  [
    /\b(bottle|flask|vase|jug|carafe)\b/,
    (p) =>
      `<path d="M-18 -95 H18 V-55 C55 -40 55 -20 55 0 V75 a12 12 0 0 1 -12 12 H-43 a12 12 0 0 1 -12 -12 V0 C-55 -20 -55 -40 -18 -55 Z" fill="${p.body}"/>` +
      `<rect x="-20" y="-100" width="40" height="14" rx="4" fill="${p.shade}"/>`,
  ],
  [
    /\b(book|journal|notebook|planner|board)\b/,
    (p) =>
      `<rect x="-65" y="-90" width="130" height="175" rx="6" fill="${p.body}"/>` +
      `<rect x="-65" y="-90" width="16" height="175" fill="${p.shade}"/>` +
      `<rect x="-30" y="-55" width="75" height="10" rx="5" fill="#fff" fill-opacity="0.6"/>`,
  ],
  [
    /\b(watch|clock)\b/,
    (p) =>
      `<rect x="-22" y="-100" width="44" height="200" rx="10" fill="${p.shade}"/>` +
      `<circle r="52" fill="${p.body}"/><circle r="40" fill="#fff" fill-opacity="0.85"/>` +
      `<path d="M0 0 V-26 M0 0 L18 8" stroke="${p.shade}" stroke-width="5" stroke-linecap="round"/>`,
  ],
  [
    /\b(pan|pot|skillet|saucepan|kettle|wok)\b/,
    (p) =>
      `<rect x="-80" y="-30" width="160" height="80" rx="18" fill="${p.body}"/>` +
      `<rect x="-92" y="-40" width="184" height="16" rx="8" fill="${p.shade}"/>` +
      `<rect x="80" y="-36" width="70" height="10" rx="5" fill="${p.shade}"/>`,
  ],
  [
    /\b(plant|planter|pot-plant|succulent)\b/,
    (p) =>
      `<path d="M0 -10 C-60 -30 -60 -90 -10 -100 C-5 -60 0 -40 0 -10 C0 -40 10 -80 55 -85 C60 -40 30 -20 0 -10" fill="hsl(130 35% 38%)"/>` +
      `<path d="M-55 -10 H55 L42 85 H-42 Z" fill="${p.body}"/>`,
  ],
  [
    /\b(candle|diffuser)\b/,
    (p) =>
      `<rect x="-50" y="-40" width="100" height="125" rx="10" fill="${p.body}"/>` +
      `<path d="M0 -45 C-14 -62 0 -80 0 -92 C10 -75 16 -62 0 -45" fill="hsl(40 95% 58%)"/>`,
  ],
  [
    /\b(pillow|cushion|throw|blanket|towel|duvet|quilt|sheet|sheets|bedding|rug|napkins?|tablecloth|linen)\b/,
    (p) =>
      `<path d="M-85 -70 Q0 -55 85 -70 Q70 0 85 70 Q0 55 -85 70 Q-70 0 -85 -70 Z" fill="${p.body}"/>` +
      `<path d="M-60 -40 Q0 -30 60 -40" fill="none" stroke="${p.shade}" stroke-width="4" stroke-opacity="0.6"/>`,
  ],
  [
    /\b(ball|football|basketball)\b/,
    (p) =>
      `<circle r="75" fill="${p.body}"/><path d="M-75 0 H75 M0 -75 V75" stroke="${p.shade}" stroke-width="6"/>`,
  ],
  [
    /\b(speaker|radio|camera)\b/,
    (p) =>
      `<rect x="-80" y="-60" width="160" height="125" rx="18" fill="${p.body}"/>` +
      `<circle cx="0" cy="2" r="36" fill="${p.shade}"/><circle cx="0" cy="2" r="18" fill="#fff" fill-opacity="0.3"/>`,
  ],
];

function silhouetteFor(slug: string): Silhouette | undefined {
  const words = slug.replace(/-/g, ' ');
  return silhouettes.find(([pattern]) => pattern.test(words) || pattern.test(slug))?.[1];
}

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
