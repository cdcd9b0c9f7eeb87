import { useId } from 'react';
import { classNames } from './class-names';

export interface ProductImageProps {
  /** Seeds the placeholder so each product always gets the same artwork. */
  slug: string;
  name: string;
  imageUrl?: string | null;
  /** Describes a real photo; placeholders are decorative because the name is shown as text. */
  alt?: string;
  className?: string;
}

/**
 * The product's photo, or when it has none (the demo catalogue has none) a generated artwork:
 * a two-tone gradient, a soft shape and the product's initials, all derived from the slug so
 * the same product looks the same on every page and every render (server and client agree).
 */
export function ProductImage({ slug, name, imageUrl, alt, className }: ProductImageProps) {
  // Strip the characters some React versions put in ids («r1») so the id is safe inside url(#).
  const gradientId = `product-art${useId().replace(/[^\w-]/g, '')}`;
  const box = classNames('aspect-[4/3] w-full overflow-hidden bg-surface-sunken', className);
  if (imageUrl) {
    // A plain <img>: this package is framework-free; apps may swap in next/image later.
    return (
      <img
        src={imageUrl}
        alt={alt ?? name}
        loading="lazy"
        className={classNames(box, 'object-cover')}
      />
    );
  }
  const art = placeholderArt(slug, name);
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 400 300"
      preserveAspectRatio="xMidYMid slice"
      className={box}
      data-placeholder="true"
    >
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={art.from} />
          <stop offset="1" stopColor={art.to} />
        </linearGradient>
      </defs>
      <rect width="400" height="300" fill={`url(#${gradientId})`} />
      <Shape kind={art.shape} rotation={art.rotation} />
      <text
        x="200"
        y="150"
        dy="0.35em"
        textAnchor="middle"
        fill="white"
        fillOpacity="0.94"
        fontSize="92"
        fontWeight="600"
        letterSpacing="-2"
        fontFamily="ui-sans-serif, system-ui, sans-serif"
      >
        {art.initials}
      </text>
    </svg>
  );
}

function Shape({ kind, rotation }: { kind: ShapeKind; rotation: number }) {
  const common = { fill: 'white', fillOpacity: 0.14 };
  switch (kind) {
    case 'circles':
      return (
        <g>
          <circle cx="330" cy="40" r="130" {...common} />
          <circle cx="60" cy="280" r="90" {...common} fillOpacity={0.1} />
        </g>
      );
    case 'tile':
      return (
        <g transform={`rotate(${rotation} 200 150)`}>
          <rect x="95" y="45" width="210" height="210" rx="44" {...common} />
          <rect x="135" y="85" width="130" height="130" rx="28" {...common} fillOpacity={0.1} />
        </g>
      );
    case 'waves':
      return (
        <g>
          <path d="M0 210 C 100 160, 180 260, 400 190 L 400 300 L 0 300 Z" {...common} />
          <path
            d="M0 250 C 120 210, 240 300, 400 240 L 400 300 L 0 300 Z"
            {...common}
            fillOpacity={0.1}
          />
        </g>
      );
  }
}

type ShapeKind = 'circles' | 'tile' | 'waves';
const shapeKinds: ShapeKind[] = ['circles', 'tile', 'waves'];

interface PlaceholderArt {
  from: string;
  to: string;
  shape: ShapeKind;
  rotation: number;
  initials: string;
}

function placeholderArt(slug: string, name: string): PlaceholderArt {
  const hash = fnv1a(slug || name);
  const hue = hash % 360;
  // A neighbouring hue keeps the gradient harmonious; mid lightness keeps white text readable.
  const nextHue = (hue + 30 + ((hash >>> 9) % 40)) % 360;
  return {
    from: `hsl(${hue} 48% 40%)`,
    to: `hsl(${nextHue} 58% 58%)`,
    shape: shapeKinds[(hash >>> 3) % shapeKinds.length] ?? 'circles',
    rotation: ((hash >>> 5) % 30) - 15,
    initials: initialsOf(name),
  };
}

function initialsOf(name: string): string {
  const words = name.split(/[\s-]+/).filter((word) => /^\p{L}|^\p{N}/u.test(word));
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
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
