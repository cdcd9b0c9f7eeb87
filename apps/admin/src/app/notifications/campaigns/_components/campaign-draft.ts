import type { EmailLanguage } from '../../_components/email-languages';

/**
 * The campaign composer's state in the browser. Blocks carry a `key` for React only; product
 * blocks keep the names staff picked so the list reads without asking the catalogue again. No
 * zod here: this file is in the browser's bundle, and zod's compiled checks use `new Function`,
 * which the admin's CSP refuses (the server action checks the draft with campaign-draft-schema.ts).
 */

export const blockTypes = ['heading', 'text', 'image', 'products', 'button'] as const;
export type BlockType = (typeof blockTypes)[number];

export interface PickedProduct {
  id: string;
  name: string;
}

export type BlockDraft =
  | { key: string; type: 'heading'; text: string; level: 1 | 2 }
  | { key: string; type: 'text'; text: string }
  | { key: string; type: 'image'; url: string; alt: string; href: string }
  | { key: string; type: 'products'; products: PickedProduct[] }
  | { key: string; type: 'button'; label: string; href: string };

export const audienceKinds = [
  'all',
  'boughtFromCategory',
  'noOrderInDays',
  'lifetimeValueAbove',
] as const;
export type AudienceKind = (typeof audienceKinds)[number];

/** The audience as typed: numbers stay text until they are checked. */
export interface AudienceDraft {
  kind: AudienceKind;
  categoryId: string;
  days: string;
  /** Lifetime value in the shop currency's major units, as typed ("150" or "99.50"). */
  amount: string;
}

export interface CampaignDraft {
  name: string;
  subject: string;
  preheader: string;
  language: EmailLanguage;
  blocks: BlockDraft[];
  audience: AudienceDraft;
}

export const blockLabels: Record<BlockType, string> = {
  heading: 'Heading',
  text: 'Text',
  image: 'Image',
  products: 'Product cards',
  button: 'Button',
};

export const audienceLabels: Record<AudienceKind, string> = {
  all: 'All confirmed subscribers',
  boughtFromCategory: 'Bought from a category',
  noOrderInDays: 'No order in the last N days',
  lifetimeValueAbove: 'Lifetime value above an amount',
};

let lastKey = 0;
/** A key unique in this browser tab (blocks have no id until the cell stores them). */
export function newBlockKey(): string {
  lastKey += 1;
  return `b${Date.now().toString(36)}${lastKey}`;
}

export function newBlock(type: BlockType): BlockDraft {
  const key = newBlockKey();
  switch (type) {
    case 'heading':
      return { key, type, text: '', level: 1 };
    case 'text':
      return { key, type, text: '' };
    case 'image':
      return { key, type, url: '', alt: '', href: '' };
    case 'products':
      return { key, type, products: [] };
    case 'button':
      return { key, type, label: '', href: '' };
  }
}

export function emptyCampaignDraft(): CampaignDraft {
  return {
    name: '',
    subject: '',
    preheader: '',
    language: 'en',
    blocks: [newBlock('heading'), newBlock('text')],
    audience: { kind: 'all', categoryId: '', days: '90', amount: '' },
  };
}

/** Moves the block at `from` to `to` (the composer's Up and Down buttons). */
export function moveBlock(blocks: BlockDraft[], from: number, to: number): BlockDraft[] {
  if (to < 0 || to >= blocks.length) return blocks;
  const next = [...blocks];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}
