import { seededRandom } from './seeded-random';

export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface DemoProduct {
  slug: string;
  name: string;
  description: string;
  categorySlugs: string[];
  brand: string;
  priceMinor: number;
  currency: 'EUR';
  imageUrl: string;
  imageAlt: string;
  status: 'active';
  stock: number;
}

/** What a category's products are made of: the generator combines these deterministically. */
interface CategoryRecipe extends Omit<DemoCategory, 'position'> {
  brands: readonly string[];
  items: readonly string[];
  qualities: readonly string[];
  /** Price range in whole euros. */
  priceEuros: readonly [min: number, max: number];
  blurb: (quality: string, item: string) => string;
}

const recipes: readonly CategoryRecipe[] = [
  {
    slug: 'lighting',
    name: 'Lighting',
    description: 'Lamps and lights for every corner, from reading nooks to long dinners.',
    brands: ['Lumen & Co', 'Northlight', 'Halden'],
    items: [
      'Desk Lamp',
      'Floor Lamp',
      'Pendant Light',
      'Table Lamp',
      'Wall Sconce',
      'Reading Light',
    ],
    qualities: ['Oak', 'Brass', 'Linen', 'Matte Black', 'Opal Glass', 'Ceramic', 'Walnut'],
    priceEuros: [29, 249],
    blurb: (quality, item) =>
      `${indefinite(quality)} ${item.toLowerCase()} with a warm, glare-free glow and a dimmable LED bulb included.`,
  },
  {
    slug: 'furniture',
    name: 'Furniture',
    description: 'Small, well-made pieces that fit real homes.',
    brands: ['Fjord Living', 'Atelier Nine', 'Hollow Oak'],
    items: [
      'Side Table',
      'Bookshelf',
      'Lounge Chair',
      'Bench',
      'Stool',
      'Coffee Table',
      'Sideboard',
    ],
    qualities: ['Solid Oak', 'Ash', 'Walnut', 'Rattan', 'Powder-Coated Steel', 'Beech'],
    priceEuros: [59, 699],
    blurb: (quality, item) =>
      `${indefinite(item)} in ${quality.toLowerCase()}, built with simple joinery and finished by hand.`,
  },
  {
    slug: 'kitchen',
    name: 'Kitchen & Dining',
    description: 'Tools and tableware for everyday cooking and slow weekend meals.',
    brands: ['Copper Pot', 'Salt & Stone', 'Kiln House'],
    items: [
      'Chef Knife',
      'Serving Bowl',
      'Dinner Plate Set',
      'Cast Iron Skillet',
      'Teapot',
      'Cutting Board',
      'Espresso Cups',
    ],
    qualities: ['Stoneware', 'Carbon Steel', 'Olive Wood', 'Enamel', 'Porcelain', 'Speckled'],
    priceEuros: [12, 149],
    blurb: (quality, item) =>
      `${quality} ${item.toLowerCase()} made to be used daily and to last for years.`,
  },
  {
    slug: 'textiles',
    name: 'Textiles',
    description: 'Throws, cushions and linens in natural fibres.',
    brands: ['Woven North', 'Loom & Thread', 'Mira Textiles'],
    items: [
      'Throw Blanket',
      'Cushion Cover',
      'Table Runner',
      'Bath Towel Set',
      'Duvet Cover',
      'Rug',
    ],
    qualities: ['Wool', 'Washed Linen', 'Organic Cotton', 'Waffle', 'Herringbone', 'Bouclé'],
    priceEuros: [19, 229],
    blurb: (quality, item) =>
      `A soft ${quality.toLowerCase()} ${item.toLowerCase()}, woven from natural fibres and pre-washed.`,
  },
  {
    slug: 'stationery',
    name: 'Desk & Stationery',
    description: 'Notebooks, pens and desk companions for focused work.',
    brands: ['Paper Republic', 'Inkwell', 'Studio Grid'],
    items: [
      'Notebook',
      'Fountain Pen',
      'Desk Organiser',
      'Planner',
      'Pencil Set',
      'Letter Tray',
      'Desk Mat',
    ],
    qualities: ['Dot Grid', 'Leather', 'Recycled Paper', 'Aluminium', 'Cork', 'Felt'],
    priceEuros: [6, 89],
    blurb: (quality, item) =>
      `${indefinite(quality)} ${item.toLowerCase()} designed to keep a desk calm and work moving.`,
  },
  {
    slug: 'outdoor',
    name: 'Outdoor & Garden',
    description: 'For balconies, gardens and evenings outside.',
    brands: ['Greenfield', 'Terrace Works', 'Moss & Fern'],
    items: ['Planter', 'Watering Can', 'Lantern', 'Folding Chair', 'Picnic Blanket', 'Bird Feeder'],
    qualities: ['Terracotta', 'Galvanised', 'Teak', 'Weatherproof', 'Recycled Plastic', 'Zinc'],
    priceEuros: [14, 199],
    blurb: (quality, item) =>
      `${indefinite(quality)} ${item.toLowerCase()} that weathers sun and rain gracefully.`,
  },
];

export const productsPerCategory = 8;
const catalogSeed = 20_250_101;

export const demoCategories: readonly DemoCategory[] = recipes.map((recipe, index) => ({
  slug: recipe.slug,
  name: recipe.name,
  description: recipe.description,
  position: index + 1,
}));

/**
 * The demo catalog: `productsPerCategory` products per category, identical on every run because
 * every choice comes from one seeded generator.
 */
export function demoProducts(): DemoProduct[] {
  const random = seededRandom(catalogSeed);
  const products: DemoProduct[] = [];
  for (const recipe of recipes) {
    const names = new Set<string>();
    while (names.size < productsPerCategory) {
      names.add(`${random.pick(recipe.qualities)} ${random.pick(recipe.items)}`);
    }
    for (const name of names) {
      const [quality, ...itemWords] = splitQuality(name, recipe.qualities);
      const slug = slugify(name);
      const euros = random.integer(recipe.priceEuros[0], recipe.priceEuros[1]);
      products.push({
        slug,
        name,
        description: recipe.blurb(quality, itemWords.join(' ')),
        categorySlugs: [recipe.slug],
        brand: random.pick(recipe.brands),
        // Shop-style prices ending in .99 or .00, in cents.
        priceMinor: random.next() < 0.7 ? euros * 100 + 99 : euros * 100,
        currency: 'EUR',
        imageUrl: `/images/products/${slug}.svg`,
        imageAlt: name,
        status: 'active',
        // About one in ten is sold out, so storefronts show that state too.
        stock: random.next() < 0.1 ? 0 : random.integer(3, 120),
      });
    }
  }
  return products;
}

/** "an oak", "a brass": the article for a lowercased phrase. */
function indefinite(phrase: string): string {
  const lower = phrase.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? 'An' : 'A'} ${lower}`;
}

function splitQuality(name: string, qualities: readonly string[]): [string, ...string[]] {
  const quality = qualities.find((candidate) => name.startsWith(`${candidate} `)) ?? '';
  return [quality, name.slice(quality.length + 1)];
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
