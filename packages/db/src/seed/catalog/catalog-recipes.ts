/**
 * The word lists the catalog generator combines: a two-level category tree whose leaves say what
 * their products are made of, which brands make them, what they cost and how they vary. The six
 * top-level slugs of the original demo catalog (lighting, furniture, kitchen, textiles, stationery,
 * outdoor) survive as categories so old links keep working.
 */

/** How a leaf's products vary: the generator picks one kind per product from the leaf's list. */
export type VariantKind =
  | 'single'
  | 'colour'
  | 'size-colour'
  /** Colour x a capacity option (storage, volume) whose values add to the price. */
  | 'colour-capacity';

export interface CapacityOption {
  name: string;
  values: readonly { label: string; extraEuros: number }[];
}

export interface LeafRecipe {
  slug: string;
  name: string;
  description: string;
  brands: readonly string[];
  items: readonly string[];
  /** The word before the item ("Oak", "Linen"); recorded as the `qualityAttribute`. */
  qualities: readonly string[];
  qualityAttribute: string;
  priceEuros: readonly [min: number, max: number];
  variantKinds: readonly VariantKind[];
  palette: readonly string[];
  sizes?: readonly string[];
  capacity?: CapacityOption;
  /** Further attributes: one value is picked per product. */
  extraAttributes?: readonly { name: string; values: readonly string[] }[];
  /** One sentence about the product; quality and item arrive lowercase, the generator capitalises. */
  blurb: (quality: string, item: string) => string;
  /** Relative share of the catalog (default 3); laptops are a handful, shirts are many. */
  weight?: number;
}

export interface RootRecipe {
  slug: string;
  name: string;
  description: string;
  children: readonly LeafRecipe[];
}

const neutrals = ['Black', 'White', 'Charcoal', 'Sand', 'Cream'] as const;
const earthy = ['Terracotta', 'Olive', 'Sage', 'Rust', 'Mustard', 'Forest Green'] as const;
const cool = ['Navy', 'Sky Blue', 'Slate', 'Burgundy'] as const;
const metals = ['Brass', 'Silver', 'Matte Black', 'Copper'] as const;
const apparelSizes = ['XS', 'S', 'M', 'L', 'XL'] as const;

export const catalogTree: readonly RootRecipe[] = [
  {
    slug: 'home',
    name: 'Home',
    description: 'Furniture, light and soft things that make a room feel lived in.',
    children: [
      {
        slug: 'lighting',
        name: 'Lighting',
        description: 'Lamps and lights for every corner, from reading nooks to long dinners.',
        brands: ['Lumen & Co', 'Northlight', 'Halden'],
        items: ['Desk Lamp', 'Floor Lamp', 'Pendant Light', 'Table Lamp', 'Wall Sconce'],
        qualities: ['Oak', 'Brass', 'Linen', 'Opal Glass', 'Ceramic', 'Walnut'],
        qualityAttribute: 'Material',
        priceEuros: [29, 249],
        variantKinds: ['single', 'colour'],
        palette: [...metals, 'White'],
        extraAttributes: [{ name: 'Bulb', values: ['LED included', 'E27 fitting', 'GU10'] }],
        blurb: (quality, item) =>
          `${indefinite(quality)} ${item} with a warm, glare-free glow and a dimmable LED bulb.`,
      },
      {
        slug: 'furniture',
        name: 'Furniture',
        description: 'Small, well-made pieces that fit real homes.',
        brands: ['Fjord Living', 'Atelier Nine', 'Hollow Oak'],
        items: ['Side Table', 'Bookshelf', 'Lounge Chair', 'Bench', 'Stool', 'Coffee Table'],
        qualities: ['Solid Oak', 'Ash', 'Walnut', 'Rattan', 'Steel', 'Beech'],
        qualityAttribute: 'Material',
        priceEuros: [59, 699],
        variantKinds: ['single', 'single', 'colour'],
        palette: ['Natural', 'Black', 'White', 'Smoked'],
        extraAttributes: [{ name: 'Assembly', values: ['Arrives assembled', 'Easy assembly'] }],
        blurb: (quality, item) =>
          `${indefinite(item)} in ${quality}, built with simple joinery and finished by hand.`,
      },
      {
        slug: 'textiles',
        name: 'Textiles',
        description: 'Throws, cushions and linens in natural fibres.',
        brands: ['Woven North', 'Loom & Thread', 'Mira Textiles'],
        items: ['Throw Blanket', 'Cushion Cover', 'Table Runner', 'Towel Set', 'Duvet Cover'],
        qualities: ['Wool', 'Washed Linen', 'Organic Cotton', 'Waffle', 'Herringbone', 'Bouclé'],
        qualityAttribute: 'Material',
        priceEuros: [19, 229],
        variantKinds: ['colour'],
        palette: [...neutrals, ...earthy],
        blurb: (quality, item) =>
          `A soft ${quality} ${item}, woven from natural fibres and pre-washed.`,
      },
      {
        slug: 'decor',
        name: 'Decor',
        description: 'Vases, mirrors and frames: the finishing touches.',
        brands: ['Still Life', 'Halden', 'Kiln House'],
        items: ['Vase', 'Wall Mirror', 'Picture Frame', 'Candle Holder', 'Tray'],
        qualities: ['Stoneware', 'Smoked Glass', 'Brass', 'Travertine', 'Oak'],
        qualityAttribute: 'Material',
        priceEuros: [14, 179],
        variantKinds: ['single', 'colour'],
        palette: [...neutrals, 'Sage', 'Terracotta'],
        blurb: (quality, item) =>
          `${indefinite(quality)} ${item} that makes a shelf feel finished.`,
      },
    ],
  },
  {
    slug: 'kitchen',
    name: 'Kitchen & Dining',
    description: 'Tools and tableware for everyday cooking and slow weekend meals.',
    children: [
      {
        slug: 'cookware',
        name: 'Cookware',
        description: 'Pans and pots that heat evenly and last for decades.',
        brands: ['Copper Pot', 'Salt & Stone', 'Iron Hearth'],
        items: ['Skillet', 'Saucepan', 'Dutch Oven', 'Wok', 'Stockpot'],
        qualities: ['Cast Iron', 'Carbon Steel', 'Enamel', 'Stainless Steel', 'Copper'],
        qualityAttribute: 'Material',
        priceEuros: [29, 289],
        variantKinds: ['single', 'colour-capacity'],
        palette: ['Black', 'Cream', 'Sage', 'Terracotta'],
        capacity: {
          name: 'Size',
          values: [
            { label: '20 cm', extraEuros: 0 },
            { label: '24 cm', extraEuros: 15 },
            { label: '28 cm', extraEuros: 30 },
          ],
        },
        extraAttributes: [
          { name: 'Hob', values: ['All hobs incl. induction', 'Gas and electric'] },
        ],
        blurb: (quality, item) =>
          `${indefinite(quality)} ${item} that heats evenly and sears well.`,
      },
      {
        slug: 'tableware',
        name: 'Tableware',
        description: 'Plates, bowls and cups for every day and for guests.',
        brands: ['Kiln House', 'Salt & Stone', 'Porcelain Row'],
        items: ['Dinner Plate Set', 'Serving Bowl', 'Mug', 'Espresso Cups', 'Teapot'],
        qualities: ['Stoneware', 'Porcelain', 'Speckled', 'Glazed', 'Bone China'],
        qualityAttribute: 'Material',
        priceEuros: [12, 149],
        variantKinds: ['colour', 'single'],
        palette: ['White', 'Cream', 'Sage', 'Slate', 'Sand'],
        extraAttributes: [{ name: 'Dishwasher safe', values: ['Yes', 'No'] }],
        blurb: (quality, item) => `${quality} ${item}, made to be used daily and to last years.`,
      },
      {
        slug: 'kitchen-tools',
        name: 'Knives & Tools',
        description: 'Sharp knives, sturdy boards and the small tools cooks reach for.',
        brands: ['Blade & Board', 'Copper Pot', 'Olive Lane'],
        items: ['Chef Knife', 'Paring Knife', 'Cutting Board', 'Pepper Mill', 'Utensil Set'],
        qualities: ['Olive Wood', 'Damascus Steel', 'Walnut', 'Acacia', 'Stainless Steel'],
        qualityAttribute: 'Material',
        priceEuros: [9, 199],
        variantKinds: ['single'],
        palette: [],
        blurb: (quality, item) => `${indefinite(quality)} ${item}, balanced and easy to care for.`,
      },
    ],
  },
  {
    slug: 'clothing',
    name: 'Clothing',
    description: 'Everyday clothes in honest fabrics, cut to be worn for years.',
    children: [
      {
        slug: 'shirts',
        name: 'Shirts',
        description: 'Button-downs and overshirts in linen, cotton and flannel.',
        brands: ['Harbor & Pine', 'Common Thread', 'Nordlys'],
        items: ['Shirt', 'Oxford Shirt', 'Overshirt', 'Camp Collar Shirt'],
        qualities: ['Linen', 'Organic Cotton', 'Flannel', 'Chambray', 'Poplin'],
        qualityAttribute: 'Material',
        priceEuros: [35, 119],
        variantKinds: ['size-colour'],
        palette: ['Navy', 'White', 'Sky Blue', 'Olive', 'Sand', 'Rust'],
        sizes: apparelSizes,
        extraAttributes: [{ name: 'Fit', values: ['Regular', 'Slim', 'Relaxed'] }],
        blurb: (quality, item) => `${indefinite(quality)} ${item} that softens with every wash.`,
        weight: 4,
      },
      {
        slug: 'knitwear',
        name: 'Knitwear',
        description: 'Jumpers and cardigans knitted from natural yarns.',
        brands: ['Nordlys', 'Woven North', 'Common Thread'],
        items: ['Jumper', 'Cardigan', 'Roll Neck', 'Knit Vest'],
        qualities: ['Merino', 'Lambswool', 'Cashmere', 'Cotton', 'Alpaca'],
        qualityAttribute: 'Material',
        priceEuros: [49, 229],
        variantKinds: ['size-colour'],
        palette: ['Cream', 'Charcoal', 'Navy', 'Forest Green', 'Burgundy', 'Mustard'],
        sizes: apparelSizes,
        extraAttributes: [{ name: 'Fit', values: ['Regular', 'Relaxed', 'Oversized'] }],
        blurb: (quality, item) => `A warm ${quality} ${item}, knitted for comfort without bulk.`,
        weight: 3,
      },
      {
        slug: 't-shirts',
        name: 'T-Shirts',
        description: 'Heavyweight tees and long sleeves that keep their shape.',
        brands: ['Common Thread', 'Harbor & Pine', 'Basic Works'],
        items: ['T-Shirt', 'Long Sleeve Tee', 'Pocket Tee', 'Henley'],
        qualities: ['Organic Cotton', 'Heavyweight', 'Slub', 'Pima Cotton', 'Hemp'],
        qualityAttribute: 'Material',
        priceEuros: [19, 59],
        variantKinds: ['size-colour'],
        palette: ['White', 'Black', 'Navy', 'Olive', 'Sand', 'Slate'],
        sizes: apparelSizes,
        extraAttributes: [{ name: 'Fit', values: ['Regular', 'Boxy', 'Slim'] }],
        blurb: (quality, item) => `${indefinite(quality)} ${item} with a collar that stays flat.`,
        weight: 4,
      },
      {
        slug: 'outerwear',
        name: 'Outerwear',
        description: 'Jackets and coats for wind, rain and cold mornings.',
        brands: ['Nordlys', 'Ridge Supply', 'Harbor & Pine'],
        items: ['Rain Jacket', 'Wool Coat', 'Chore Jacket', 'Puffer Jacket', 'Gilet'],
        qualities: ['Waxed Cotton', 'Wool Blend', 'Recycled Nylon', 'Canvas', 'Corduroy'],
        qualityAttribute: 'Material',
        priceEuros: [79, 349],
        variantKinds: ['size-colour'],
        palette: [...cool, 'Olive', 'Black', 'Sand'],
        sizes: apparelSizes,
        extraAttributes: [{ name: 'Fit', values: ['Regular', 'Relaxed'] }],
        blurb: (quality, item) => `${indefinite(quality)} ${item} that keeps the weather out.`,
      },
    ],
  },
  {
    slug: 'electronics',
    name: 'Electronics',
    description: 'Laptops, headphones and speakers chosen for build quality.',
    children: [
      {
        slug: 'laptops',
        name: 'Laptops',
        description: 'Light, long-lasting laptops for work, study and creative projects.',
        brands: ['Vectra', 'Lumina Computing', 'Northbook'],
        items: ['Laptop 13', 'Laptop 14', 'Laptop 16', 'Gaming Laptop', 'Creator Laptop'],
        qualities: ['Pro', 'Air', 'Studio', 'Slim', 'Max'],
        qualityAttribute: 'Series',
        priceEuros: [649, 2499],
        variantKinds: ['colour-capacity'],
        palette: ['Silver', 'Space Grey', 'Midnight'],
        capacity: {
          name: 'Storage',
          values: [
            { label: '256 GB', extraEuros: 0 },
            { label: '512 GB', extraEuros: 150 },
            { label: '1 TB', extraEuros: 350 },
          ],
        },
        extraAttributes: [
          { name: 'Memory', values: ['8 GB', '16 GB', '32 GB'] },
          { name: 'Screen', values: ['13.3"', '14"', '15.6"', '16"'] },
        ],
        blurb: () =>
          'An all-day battery, a bright, sharp display and a keyboard made for long sessions.',
        weight: 1,
      },
      {
        slug: 'headphones',
        name: 'Headphones',
        description: 'Over-ear and in-ear headphones with honest sound.',
        brands: ['Soundfield', 'Quietwave', 'Vectra'],
        items: ['Wireless Headphones', 'Earbuds', 'Studio Headphones', 'Sport Earbuds'],
        qualities: ['Noise-Cancelling', 'Open-Back', 'Compact', 'Studio', 'Travel'],
        qualityAttribute: 'Style',
        priceEuros: [39, 399],
        variantKinds: ['colour'],
        palette: ['Black', 'White', 'Sand', 'Navy'],
        extraAttributes: [{ name: 'Battery', values: ['20 hours', '30 hours', '40 hours'] }],
        blurb: (quality, item) => `${indefinite(quality)} ${item} tuned for long listening.`,
        weight: 2,
      },
      {
        slug: 'speakers',
        name: 'Speakers',
        description: 'Speakers for the shelf, the kitchen and the garden.',
        brands: ['Soundfield', 'Roomtone', 'Quietwave'],
        items: ['Bluetooth Speaker', 'Bookshelf Speaker', 'Smart Speaker', 'Soundbar'],
        qualities: ['Portable', 'Waterproof', 'Wooden', 'Compact', 'Studio'],
        qualityAttribute: 'Style',
        priceEuros: [49, 599],
        variantKinds: ['single', 'colour'],
        palette: ['Black', 'White', 'Walnut', 'Slate'],
        blurb: (quality, item) => `${indefinite(quality)} ${item} with clear, room-filling sound.`,
        weight: 2,
      },
    ],
  },
  {
    slug: 'stationery',
    name: 'Desk & Stationery',
    description: 'Notebooks, pens and desk companions for focused work.',
    children: [
      {
        slug: 'notebooks',
        name: 'Notebooks',
        description: 'Notebooks and planners with paper that takes ink well.',
        brands: ['Paper Republic', 'Studio Grid', 'Inkwell'],
        items: ['Notebook', 'Planner', 'Sketchbook', 'Journal'],
        qualities: ['Dot Grid', 'Lined', 'Leather', 'Recycled Paper', 'Linen Bound'],
        qualityAttribute: 'Style',
        priceEuros: [6, 49],
        variantKinds: ['colour'],
        palette: ['Black', 'Navy', 'Sage', 'Terracotta', 'Mustard'],
        extraAttributes: [{ name: 'Format', values: ['A5', 'A6', 'B5'] }],
        blurb: (quality, item) =>
          `${indefinite(quality)} ${item} that lies flat and takes ink well.`,
      },
      {
        slug: 'pens',
        name: 'Pens & Pencils',
        description: 'Fountain pens, fineliners and pencils that feel good in the hand.',
        brands: ['Inkwell', 'Paper Republic', 'Nib & Co'],
        items: ['Fountain Pen', 'Ballpoint Pen', 'Pencil Set', 'Fineliner Set'],
        qualities: ['Aluminium', 'Brass', 'Resin', 'Cedar', 'Recycled'],
        qualityAttribute: 'Material',
        priceEuros: [5, 129],
        variantKinds: ['single', 'colour'],
        palette: ['Black', 'Navy', 'Burgundy', 'Silver'],
        blurb: (quality, item) =>
          `${indefinite(quality)} ${item}, smooth, balanced and refillable.`,
      },
      {
        slug: 'desk-accessories',
        name: 'Desk Accessories',
        description: 'Organisers, trays and mats that keep a desk calm.',
        brands: ['Studio Grid', 'Paper Republic', 'Hollow Oak'],
        items: ['Desk Organiser', 'Letter Tray', 'Desk Mat', 'Monitor Stand', 'Pen Cup'],
        qualities: ['Cork', 'Felt', 'Walnut', 'Aluminium', 'Leather'],
        qualityAttribute: 'Material',
        priceEuros: [9, 129],
        variantKinds: ['single', 'colour'],
        palette: ['Charcoal', 'Sand', 'Black', 'Natural'],
        blurb: (quality, item) => `${indefinite(quality)} ${item} that keeps work within reach.`,
      },
    ],
  },
  {
    slug: 'outdoor',
    name: 'Outdoor & Garden',
    description: 'For balconies, gardens and evenings outside.',
    children: [
      {
        slug: 'planters',
        name: 'Planters',
        description: 'Pots and planters for windowsills, balconies and gardens.',
        brands: ['Greenfield', 'Moss & Fern', 'Terrace Works'],
        items: ['Planter', 'Hanging Pot', 'Window Box', 'Plant Stand'],
        qualities: ['Terracotta', 'Glazed Ceramic', 'Zinc', 'Recycled Plastic', 'Concrete'],
        qualityAttribute: 'Material',
        priceEuros: [9, 149],
        variantKinds: ['single', 'colour'],
        palette: ['Terracotta', 'White', 'Charcoal', 'Sage'],
        blurb: (quality, item) => `${indefinite(quality)} ${item} with drainage that roots love.`,
      },
      {
        slug: 'garden-tools',
        name: 'Garden Tools',
        description: 'Trowels, pruners and cans built for years of digging.',
        brands: ['Greenfield', 'Root & Spade', 'Moss & Fern'],
        items: ['Trowel', 'Pruning Shears', 'Watering Can', 'Garden Fork', 'Kneeler'],
        qualities: ['Stainless Steel', 'Galvanised', 'Ash Handle', 'Forged', 'Copper'],
        qualityAttribute: 'Material',
        priceEuros: [12, 89],
        variantKinds: ['single'],
        palette: [],
        blurb: (quality, item) => `${indefinite(quality)} ${item}, comfortable in the hand.`,
      },
      {
        slug: 'outdoor-living',
        name: 'Outdoor Living',
        description: 'Chairs, lanterns and blankets for evenings outside.',
        brands: ['Terrace Works', 'Greenfield', 'Fjord Living'],
        items: ['Folding Chair', 'Lantern', 'Picnic Blanket', 'Hammock', 'Bistro Table'],
        qualities: ['Teak', 'Weatherproof', 'Powder-Coated', 'Canvas', 'Acacia'],
        qualityAttribute: 'Material',
        priceEuros: [19, 399],
        variantKinds: ['single', 'colour'],
        palette: ['Olive', 'Sand', 'Black', 'Terracotta'],
        blurb: (quality, item) => `${indefinite(quality)} ${item} that weathers sun and rain.`,
      },
    ],
  },
  {
    slug: 'bags',
    name: 'Bags & Accessories',
    description: 'Bags, wallets and the small things you carry every day.',
    children: [
      {
        slug: 'backpacks',
        name: 'Backpacks',
        description: 'Backpacks for commuting, travel and days outside.',
        brands: ['Ridge Supply', 'Harbor & Pine', 'Carry Co'],
        items: ['Backpack', 'Rolltop Backpack', 'Laptop Backpack', 'Daypack'],
        qualities: ['Waxed Canvas', 'Recycled Nylon', 'Leather', 'Cordura', 'Cotton Canvas'],
        qualityAttribute: 'Material',
        priceEuros: [39, 249],
        variantKinds: ['colour'],
        palette: ['Black', 'Olive', 'Navy', 'Sand', 'Rust'],
        extraAttributes: [{ name: 'Volume', values: ['15 L', '20 L', '25 L', '30 L'] }],
        blurb: (quality, item) =>
          `${indefinite(quality)} ${item} with a padded sleeve and room to spare.`,
      },
      {
        slug: 'wallets',
        name: 'Wallets & Small Goods',
        description: 'Wallets, cardholders and key rings that age well.',
        brands: ['Carry Co', 'Atelier Nine', 'Ridge Supply'],
        items: ['Wallet', 'Cardholder', 'Key Ring', 'Passport Cover'],
        qualities: ['Full-Grain Leather', 'Canvas', 'Cork', 'Suede', 'Vegetable-Tanned'],
        qualityAttribute: 'Material',
        priceEuros: [15, 129],
        variantKinds: ['colour'],
        palette: ['Tan', 'Black', 'Navy', 'Olive'],
        blurb: (quality, item) => `${indefinite(quality)} ${item}, slim enough for any pocket.`,
      },
    ],
  },
];

/** Model names that make combinations distinct ("Arlo Oak Desk Lamp"). */
export const seriesNames = [
  'Arlo', 'Bento', 'Cove', 'Dune', 'Elm', 'Fable', 'Juno', 'Kite', 'Lark', 'Mesa', 'Nova', 'Orla',
  'Pike', 'Quill', 'Rook', 'Sol', 'Tova', 'Vale', 'Wren', 'Yara', 'Zeno', 'Ash', 'Bay', 'Cleo',
  'Drift', 'Ember', 'Fern', 'Haven', 'Isla', 'Lumi', 'Moor', 'Nell', 'Otto', 'Pia', 'Rhea', 'Sage',
] as const; // prettier-ignore

/** Sentences any product description can end with. */
export const closingSentences = [
  'Designed in a small studio and made by partners we visit every year.',
  'Backed by a two-year guarantee and free returns within 30 days.',
  'Packed without plastic and shipped carbon-neutral.',
  'Made in limited runs, so each batch can be a little different.',
  'Simple to care for and built to be repaired rather than replaced.',
  'A customer favourite that we keep improving season after season.',
] as const;

/** "an oak", "a brass": the article for a phrase, lowercase, capitalised at sentence start. */
function indefinite(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'An' : 'A'} ${phrase}`;
}
