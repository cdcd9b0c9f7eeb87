import SearchableMap from 'minisearch/SearchableMap';
import { allowedEdits, normalizeTerm, tokenize } from './text-analysis';

export const textFields = ['name', 'brand', 'categories', 'attributes'] as const;
export type TextFields = Record<(typeof textFields)[number], string>;

/** A word in the name says most about a product; its colour or material the least. */
const fieldBoost: Record<keyof TextFields, number> = {
  name: 3,
  brand: 2,
  categories: 1.5,
  attributes: 1,
};

/** How much a looser match counts against the exact word. */
const quality = { exact: 1, prefix: 0.6, oneEdit: 0.5, twoEdits: 0.3 };

export interface MatchOptions {
  /** Whether term `index` may match longer words it begins ("lamp" -> "lampshade"). */
  prefix(term: string, index: number, count: number): boolean;
  /** Edits allowed for term `index` (0: exact or prefix only). */
  edits(term: string, index: number, count: number): number;
}

/** Whole words with typos allowed; prefixes for terms of 3+ letters. */
export const wholeWords: MatchOptions = {
  prefix: (term) => term.length >= 3,
  edits: (term) => allowedEdits(term),
};

/** While typing: the last word is unfinished (prefix, no typos), the others are whole words. */
export const asYouType: MatchOptions = {
  prefix: (term, index, count) => index === count - 1 && term.length >= 2,
  edits: (term, index, count) => (index === count - 1 ? 0 : allowedEdits(term)),
};

export interface TextMatches {
  /** Matching slots, in no particular order. */
  slots: number[];
  /** Relevance of each, parallel to `slots`. */
  scores: number[];
}

/**
 * The full-text part of the index: MiniSearch's radix tree (`SearchableMap`) holds the
 * vocabulary and answers prefix and typo-tolerant (Levenshtein) term lookups; postings and
 * scoring are plain arrays over document slots, so a word shared by thousands of products costs
 * a few array reads per product instead of an object per hit. Every query term must match (AND);
 * a product scores the sum over terms of idf x field boost x match quality.
 *
 * Removal is a tombstone (`alive[slot] = 0`): postings keep dead slots and skip them until the
 * owner rebuilds (see `deadRatio`).
 */
export class TextIndex {
  private readonly vocabulary = new SearchableMap<number>();
  /** Term id -> the word as first seen (lowercase, unstemmed), for suggestions. */
  private readonly display: string[] = [];
  private readonly postingSlots: number[][] = [];
  private readonly postingWeights: number[][] = [];
  private alive = new Uint8Array(1024);
  private slotCount = 0;
  private liveCount = 0;
  /** Per slot: how many query terms it matched so far (scratch, reset after each match). */
  private progress = new Uint16Array(1024);
  private scratchScores = new Float64Array(1024);

  get deadRatio(): number {
    return this.slotCount === 0 ? 0 : 1 - this.liveCount / this.slotCount;
  }

  /** Indexes a new slot (slots are handed out in order by the owner: 0, 1, 2, ...). */
  add(slot: number, fields: TextFields): void {
    this.ensureCapacity(slot + 1);
    this.slotCount = Math.max(this.slotCount, slot + 1);
    this.alive[slot] = 1;
    this.liveCount += 1;
    const weights = new Map<number, number>();
    for (const field of textFields) {
      for (const word of tokenize(fields[field])) {
        const term = normalizeTerm(word);
        if (term === null) continue;
        const id = this.termId(term, word.toLocaleLowerCase('en'));
        weights.set(id, Math.max(weights.get(id) ?? 0, fieldBoost[field]));
      }
    }
    for (const [id, weight] of weights) {
      this.postingSlots[id]!.push(slot);
      this.postingWeights[id]!.push(weight);
    }
  }

  remove(slot: number): void {
    if (this.alive[slot] !== 1) return;
    this.alive[slot] = 0;
    this.liveCount -= 1;
  }

  private termId(term: string, written: string): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.display.length;
      this.vocabulary.set(term, id);
      this.display.push(written);
      this.postingSlots.push([]);
      this.postingWeights.push([]);
    }
    return id;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.alive.length) return;
    const capacity = Math.max(size, this.alive.length * 2);
    const grow = <T extends Uint8Array | Uint16Array | Float64Array>(old: T, made: T): T => {
      made.set(old);
      return made;
    };
    this.alive = grow(this.alive, new Uint8Array(capacity));
    this.progress = grow(this.progress, new Uint16Array(capacity));
    this.scratchScores = grow(this.scratchScores, new Float64Array(capacity));
  }

  /** Indexed words a term can stand for, each with how well it matches. */
  private expand(term: string, prefix: boolean, edits: number): Map<number, number> {
    const found = new Map<number, number>();
    const offer = (id: number, value: number) => {
      if (value > (found.get(id) ?? 0)) found.set(id, value);
    };
    const exact = this.vocabulary.get(term);
    if (exact !== undefined) offer(exact, quality.exact);
    if (prefix) {
      // The more of the word is typed, the likelier it is the one meant: "lam" -> lamp before
      // lambswool.
      for (const [word, id] of this.vocabulary.atPrefix(term).entries()) {
        offer(id, (quality.prefix * term.length) / word.length);
      }
    }
    if (edits > 0) {
      for (const [, [id, distance]] of this.vocabulary.fuzzyGet(term, edits)) {
        if (distance > 0) offer(id, distance === 1 ? quality.oneEdit : quality.twoEdits);
      }
    }
    return found;
  }

  private postingLength(expansion: Map<number, number>): number {
    let total = 0;
    for (const id of expansion.keys()) total += this.postingSlots[id]!.length;
    return total;
  }

  /** Live slots matching every term, with scores. */
  match(terms: readonly string[], options: MatchOptions): TextMatches {
    const count = terms.length;
    if (count === 0) return { slots: [], scores: [] };
    const expansions = terms.map((term, index) =>
      this.expand(term, options.prefix(term, index, count), options.edits(term, index, count)),
    );
    if (expansions.some((expansion) => expansion.size === 0)) return { slots: [], scores: [] };
    // The rarest term first: later terms only promote slots the earlier ones reached.
    const order = expansions
      .map((expansion, index) => ({ expansion, size: this.postingLength(expansion), index }))
      .sort((a, b) => a.size - b.size);

    const touched: number[] = [];
    const { progress, alive, scratchScores } = this;
    order.forEach(({ expansion }, step) => {
      // Best matches first, so a slot reached by several expansions keeps its best.
      const ranked = [...expansion].sort((a, b) => b[1] - a[1]);
      for (const [id, matchQuality] of ranked) {
        const slots = this.postingSlots[id]!;
        const weights = this.postingWeights[id]!;
        const idf = Math.log(1 + this.liveCount / slots.length);
        for (let k = 0; k < slots.length; k += 1) {
          const slot = slots[k]!;
          if (progress[slot] !== step || alive[slot] !== 1) continue;
          progress[slot] = step + 1;
          const gain = idf * weights[k]! * matchQuality;
          if (step === 0) {
            scratchScores[slot] = gain;
            touched.push(slot);
          } else {
            scratchScores[slot] = scratchScores[slot]! + gain;
          }
        }
      }
    });

    const slots: number[] = [];
    const scores: number[] = [];
    for (const slot of touched) {
      if (progress[slot] === count) {
        slots.push(slot);
        scores.push(scratchScores[slot]!);
      }
      progress[slot] = 0;
    }
    return { slots, scores };
  }

  /** Closest indexed word (fewest edits, then most products), or null. */
  closestTerm(term: string, maxEdits: number): string | null {
    if (this.vocabulary.has(term)) return term;
    let best: { term: string; distance: number; size: number } | null = null;
    for (const [candidate, [id, distance]] of this.vocabulary.fuzzyGet(term, maxEdits)) {
      const size = this.postingSlots[id]!.length;
      if (!best || distance < best.distance || (distance === best.distance && size > best.size)) {
        best = { term: candidate, distance, size };
      }
    }
    return best?.term ?? null;
  }

  /** Indexed words starting with `prefix`, most used first, as first written. */
  completions(prefix: string, limit: number): { term: string; written: string }[] {
    return [...this.vocabulary.atPrefix(prefix).entries()]
      .map(([term, id]) => ({
        term,
        written: this.display[id]!,
        size: this.postingSlots[id]!.length,
      }))
      .sort((a, b) => b.size - a.size || a.term.localeCompare(b.term, 'en'))
      .slice(0, limit)
      .map(({ term, written }) => ({ term, written }));
  }
}
