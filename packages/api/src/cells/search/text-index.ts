import SearchableMap from 'minisearch/SearchableMap';
import {
  allowedTypos,
  hyphenatedCompounds,
  normalizeTerm,
  tokenize,
  typoDistance,
} from './text-analysis';
import { isStopWord } from './stop-words';

/** In ranking order: a word found in the name says most about a product, the description least. */
export const textFields = ['name', 'brand', 'categories', 'attributes', 'description'] as const;
export type TextFields = Record<(typeof textFields)[number], string>;
const descriptionField = textFields.indexOf('description');

/** Word positions past this count as this (only a long description gets this far). */
const lastPosition = 255;
/**
 * Description words past this many are not indexed: the opening says what the product is, and a
 * long text would otherwise add postings (memory) for words that rank last anyway.
 */
const descriptionWordLimit = 120;
/** The largest prefix cost of one word (see `Candidate.prefix`). */
const maxPrefixCost = 9;
/** The proximity cost of two query words found far apart, in other fields, or not at all. */
const farApart = 8;

export interface MatchOptions {
  /** Whether word `index` may match longer words it begins ("lamp" -> "lampshade"). */
  prefix(term: string, index: number, count: number): boolean;
  /** Typos (Damerau-Levenshtein) allowed for word `index` (0: exact or prefix only). */
  typos(term: string, index: number, count: number): number;
  /**
   * Typos allowed, at least, for a word found only in descriptions: `sears` is in no product name
   * but in prose ("sears well"), and a name one typo away (Shears) must still be a candidate.
   */
  proseTypos: number;
  /**
   * Whether words found only in descriptions are candidates. Not while typing: suggestions come
   * from names, brands, categories and attributes (and matching every prose word that begins with
   * three letters doubled the suggestions' cost).
   */
  prose: boolean;
}

/** A search: typos by word length; the last word may be unfinished (prefix), as typed. */
export const wholeWords: MatchOptions = {
  prefix: (term, index, count) => index === count - 1 && term.length >= 2,
  typos: (term) => allowedTypos(term),
  proseTypos: 1,
  prose: true,
};

/** While typing: the last word is unfinished (prefix, no typos), the others are whole words. */
export const asYouType: MatchOptions = {
  prefix: (term, index, count) => index === count - 1 && term.length >= 1,
  typos: (term, index, count) => (index === count - 1 ? 0 : allowedTypos(term)),
  proseTypos: 0,
  prose: false,
};

export interface TextMatches {
  /** Matching slots, in no particular order. */
  slots: number[];
  /**
   * Match quality of each, parallel to `slots`: LOWER is better. Compares, in this order, typos,
   * proximity, exact-before-prefix and field (see `rankKey`), so sorting by it is sorting by
   * each rule in turn; the shop's signals break the ties that are left (catalog-index.ts).
   */
  ranks: number[];
}

/** One indexed word a query word can stand for. */
interface Candidate {
  id: number;
  typos: number;
  /** 0 for a whole word; a prefix: 1 + the letters still missing, at most 9 ("lam": lamp first). */
  prefix: number;
  /** Second half of a compound the previous query word started ("t shirt" -> "tshirt"). */
  continues: boolean;
}

/**
 * The ranking rules as one number, lower first, each rule only deciding ties of the ones before:
 * total typos (a word found only in the description counts one more), then proximity (query words next to each other, in order, in one field), then
 * whole words before prefixes (a shorter completion first), then the field rank of each word
 * (name 0 ... description 4), then words also found in other fields (not counting the
 * description), then shorter names ("Oak
 * Backpack" is closer to `backpack` than "Oak Laptop Backpack"). Every query word must match, so
 * "words matched" is the same for every result of one query: catalog-index.ts ranks the matches
 * of shorter queries after them.
 */
function rankKey(
  typos: number,
  proximity: number,
  prefixes: number,
  fields: number,
  extraFields: number,
  nameWords: number,
): number {
  return (
    typos * rankWeights.typos +
    proximity * rankWeights.proximity +
    prefixes * rankWeights.prefixes +
    fields * rankWeights.fields +
    (99 - extraFields) * rankWeights.extraFields +
    nameWords
  );
}

/**
 * Each rule's weight is larger than everything the later rules can add (proximity < 1000,
 * prefixes, fields, extra fields and name words < 100 each), so the sum orders rule by rule.
 */
const rankWeights = { typos: 1e11, proximity: 1e8, prefixes: 1e6, fields: 1e4, extraFields: 100 };

export const maxRankKey = rankKey(255, 999, 99, 99, 0, 99);

/**
 * The full-text part of the index: MiniSearch's radix tree (`SearchableMap`) holds the vocabulary
 * and answers prefix and fuzzy term lookups; postings are plain arrays over document slots, with
 * the field and word position each term was first found at, so a word shared by thousands of
 * products costs a few array reads per product instead of an object per hit. Every query word must
 * match (AND); products are ranked by the rules in `rankKey`.
 *
 * Removal is a tombstone (`alive[slot] = 0`): postings keep dead slots and skip them until the
 * owner rebuilds (see `deadRatio`).
 */
export class TextIndex {
  private readonly vocabulary = new SearchableMap<number>();
  /** Term id -> the word as first seen (lowercase, unstemmed), for suggestions. */
  private readonly display: string[] = [];
  /**
   * Term id -> 1 when some product has it outside its description: only those are offered as
   * completions, so typing suggests words of names, brands and categories, not of prose.
   */
  private suggestible = new Uint8Array(1024);
  private readonly postingSlots: number[][] = [];
  /**
   * Parallel to `postingSlots`: the fields the term is in (a bit each) x 4096 + the best field's
   * rank x 256 + the term's first position in that field (five fields: 17 bits).
   */
  private readonly postingPlaces: number[][] = [];
  private alive = new Uint8Array(1024);
  /** Words in each slot's name: of two names holding the query, the shorter is the closer. */
  private nameWords = new Uint8Array(1024);
  private slotCount = 0;
  private liveCount = 0;
  // Scratch per slot while one query is matched; only the slots it reaches are read or reset.
  /** How many query words the slot matched so far. */
  private progress = new Uint16Array(1024);
  /** The rank key so far (see `rankKey`: it is a sum, so it is added to word by word). */
  private key = new Float64Array(1024);
  /** What the current word added to `key`, so a better candidate for it can replace it. */
  private stepKey = new Float64Array(1024);
  /** Where the current word and the previous word were found (as in `postingPlaces`). */
  private lastPlace = new Uint32Array(1024);
  private previousPlace = new Uint32Array(1024);

  get deadRatio(): number {
    return this.slotCount === 0 ? 0 : 1 - this.liveCount / this.slotCount;
  }

  get liveSlots(): number {
    return this.liveCount;
  }

  /** Indexes a new slot (slots are handed out in order by the owner: 0, 1, 2, ...). */
  add(slot: number, fields: TextFields): void {
    this.ensureCapacity(slot + 1);
    this.slotCount = Math.max(this.slotCount, slot + 1);
    this.alive[slot] = 1;
    this.liveCount += 1;
    this.nameWords[slot] = Math.min(tokenize(fields.name).length, 99);
    // Each term keeps its best field (the earliest in `textFields`) and its first position there.
    const places = new Map<number, number>();
    const offer = (word: string, field: number, position: number) => {
      const term = normalizeTerm(word);
      if (term === null) return;
      if (field === descriptionField && isStopWord(term)) return;
      const id = this.termId(term, word.toLocaleLowerCase('en'));
      if (field !== descriptionField) this.markSuggestible(id);
      const held = places.get(id);
      if (held === undefined) {
        places.set(id, (1 << (12 + field)) | (field << 8) | Math.min(position, lastPosition));
      } else {
        places.set(id, held | (1 << (12 + field)));
      }
    };
    textFields.forEach((field, rank) => {
      let position = 0;
      const limit = rank === descriptionField ? descriptionWordLimit : Infinity;
      for (const chunk of fields[field].split(/\s+/)) {
        if (position >= limit) break;
        // "T-Shirt" is also the one word "tshirt", at the position of its first part.
        for (const compound of hyphenatedCompounds(chunk)) offer(compound, rank, position);
        for (const word of tokenize(chunk)) {
          offer(word, rank, position);
          position += 1;
        }
      }
    });
    for (const [id, place] of places) {
      this.postingSlots[id]!.push(slot);
      this.postingPlaces[id]!.push(place);
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
      this.postingPlaces.push([]);
    }
    return id;
  }

  private markSuggestible(id: number): void {
    if (id >= this.suggestible.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.suggestible.length * 2));
      grown.set(this.suggestible);
      this.suggestible = grown;
    }
    this.suggestible[id] = 1;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.alive.length) return;
    const capacity = Math.max(size, this.alive.length * 2);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
      old: T,
      made: T,
    ): T => {
      made.set(old);
      return made;
    };
    this.alive = grow(this.alive, new Uint8Array(capacity));
    this.nameWords = grow(this.nameWords, new Uint8Array(capacity));
    this.progress = grow(this.progress, new Uint16Array(capacity));
    this.key = grow(this.key, new Float64Array(capacity));
    this.stepKey = grow(this.stepKey, new Float64Array(capacity));
    this.lastPlace = grow(this.lastPlace, new Uint32Array(capacity));
    this.previousPlace = grow(this.previousPlace, new Uint32Array(capacity));
  }

  /** Whether the index has this exact term (a normalised word). */
  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /**
   * Indexed words within `maxTypos` Damerau-Levenshtein typos. The radix tree measures plain
   * Levenshtein, where a swap costs 2, so it is asked for twice the distance and each word
   * found is measured again.
   */
  private typoNeighbours(
    term: string,
    maxTypos: number,
  ): [word: string, id: number, typos: number][] {
    const found: [string, number, number][] = [];
    if (maxTypos <= 0) return found;
    for (const [word, [id]] of this.vocabulary.fuzzyGet(term, maxTypos * 2)) {
      const typos = typoDistance(term, word, maxTypos);
      if (typos <= maxTypos) found.push([word, id, typos]);
    }
    return found;
  }

  /** Indexed words a query word can stand for: exact, prefix, then with typos. */
  private expand(term: string, prefix: boolean, maxTypos: number): Map<number, Candidate> {
    const found = new Map<number, Candidate>();
    const offer = (candidate: Candidate) => {
      const held = found.get(candidate.id);
      if (!held || cost(candidate) < cost(held)) found.set(candidate.id, candidate);
    };
    const exact = this.vocabulary.get(term);
    if (exact !== undefined) offer({ id: exact, typos: 0, prefix: 0, continues: false });
    if (prefix) {
      for (const [word, id] of this.vocabulary.atPrefix(term).entries()) {
        const missing = Math.min(word.length - term.length, maxPrefixCost - 1);
        offer({ id, typos: 0, prefix: 1 + missing, continues: false });
      }
    }
    for (const [, id, typos] of this.typoNeighbours(term, maxTypos)) {
      offer({ id, typos, prefix: 0, continues: false });
    }
    return found;
  }

  /** Whether every word found is one that products have only in their descriptions. */
  private onlyInProse(found: Map<number, Candidate>): boolean {
    if (found.size === 0) return false;
    for (const id of found.keys()) if (this.suggestible[id] === 1) return false;
    return true;
  }

  /**
   * "t shirt", "back pack": the two words written as one, if the index has exactly that word.
   * No typos here: with one, "olive t" would be "olivet", one typo from "olive".
   */
  private compound(first: string, second: string): Candidate[] {
    const joined = normalizeTerm(`${first}${second}`);
    const id = joined === null ? undefined : this.vocabulary.get(joined);
    return id === undefined ? [] : [{ id, typos: 0, prefix: 0, continues: false }];
  }

  /** Whether each query word can match something on its own or as part of a compound. */
  matchableWords(
    terms: readonly string[],
    options: MatchOptions,
    typed?: readonly string[],
  ): boolean[] {
    return this.candidatesPerWord(terms, options, typed).map((candidates) => candidates.length > 0);
  }

  /**
   * `typed`: the words before stemming, parallel to `terms`. A typo can fool the plural rule
   * ("stainleds" stems to "stainled", two typos from "stainless"), so typos are also looked up
   * from the word as typed.
   */
  private candidatesPerWord(
    terms: readonly string[],
    options: MatchOptions,
    typed?: readonly string[],
  ): Candidate[][] {
    const count = terms.length;
    const perWord = terms.map((term, index) => {
      const maxTypos = options.typos(term, index, count);
      const found = this.expand(term, options.prefix(term, index, count), maxTypos);
      if (maxTypos < options.proseTypos && term.length >= 3 && this.onlyInProse(found)) {
        // Names, brands, categories, attributes only: prose neighbours ("year") are noise.
        for (const [, id, typos] of this.typoNeighbours(term, options.proseTypos)) {
          if (this.suggestible[id] === 1 && !found.has(id)) {
            found.set(id, { id, typos, prefix: 0, continues: false });
          }
        }
      }
      const asTyped = typed?.[index];
      if (asTyped !== undefined && asTyped !== term) {
        for (const [, id, typos] of this.typoNeighbours(
          asTyped,
          options.typos(asTyped, index, count),
        )) {
          const held = found.get(id);
          if (!held || typos < held.typos)
            found.set(id, { id, typos, prefix: 0, continues: false });
        }
      }
      if (!options.prose) {
        for (const id of found.keys()) if (this.suggestible[id] !== 1) found.delete(id);
      }
      return [...found.values()];
    });
    for (let index = 0; index + 1 < count; index += 1) {
      for (const candidate of this.compound(terms[index]!, terms[index + 1]!)) {
        perWord[index]!.push(candidate);
        perWord[index + 1]!.push({ ...candidate, typos: 0, continues: true });
      }
    }
    // Best first, so a slot reached by several candidates of one word keeps the best.
    for (const candidates of perWord) candidates.sort((a, b) => cost(a) - cost(b));
    return perWord;
  }

  /** Live slots matching every word, with their rank keys. */
  match(terms: readonly string[], options: MatchOptions, typed?: readonly string[]): TextMatches {
    const count = terms.length;
    if (count === 0) return { slots: [], ranks: [] };
    const perWord = this.candidatesPerWord(terms, options, typed);
    if (perWord.some((candidates) => candidates.length === 0)) return { slots: [], ranks: [] };

    const touched: number[] = [];
    const { progress, alive, key, stepKey, lastPlace, previousPlace, nameWords } = this;
    // Words in query order, so proximity can compare each word's place with the previous one's;
    // later words only promote slots every earlier word reached. A slot several candidates of one
    // word reach keeps the one that adds least to its rank key ("sa": a saucepan named so before
    // the same saucepan in sage colour).
    perWord.forEach((candidates, step) => {
      for (const candidate of candidates) {
        const slots = this.postingSlots[candidate.id]!;
        const places = this.postingPlaces[candidate.id]!;
        for (let k = 0; k < slots.length; k += 1) {
          const slot = slots[k]!;
          const reached = progress[slot]!;
          if ((reached !== step && reached !== step + 1) || alive[slot] !== 1) continue;
          const place = places[k]!;
          if (reached === step) {
            if (step === 0) {
              touched.push(slot);
              key[slot] = rankKey(0, 0, 0, 0, 0, nameWords[slot]!);
            } else {
              previousPlace[slot] = lastPlace[slot]!;
            }
          }
          const proximity =
            step === 0 || candidate.continues ? 0 : distance(previousPlace[slot]!, place);
          const added =
            (candidate.typos + descriptionOnly(place)) * rankWeights.typos +
            proximity * rankWeights.proximity +
            candidate.prefix * rankWeights.prefixes +
            fieldOf(place) * rankWeights.fields -
            otherFields(place) * rankWeights.extraFields;
          if (reached === step) {
            progress[slot] = step + 1;
            key[slot] = key[slot]! + added;
          } else if (added < stepKey[slot]!) {
            key[slot] = key[slot]! - stepKey[slot]! + added;
          } else {
            continue;
          }
          stepKey[slot] = added;
          lastPlace[slot] = place;
        }
      }
    });

    const slots: number[] = [];
    const ranks: number[] = [];
    for (const slot of touched) {
      if (progress[slot] === count) {
        slots.push(slot);
        ranks.push(key[slot]!);
      }
      progress[slot] = 0;
    }
    return { slots, ranks };
  }

  /**
   * Closest indexed word within `maxTypos` (fewest typos, then most products), how it was first
   * written, and its typos. Looked up with a Levenshtein bound of `maxTypos + 1`, enough for one
   * swapped pair: suggestions are offered on every query that has a word the index lacks, so the
   * wider search is kept cheap.
   */
  closestTerm(
    term: string,
    maxTypos: number,
  ): { term: string; written: string; typos: number } | null {
    const exact = this.vocabulary.get(term);
    if (exact !== undefined) return { term, written: this.display[exact]!, typos: 0 };
    let best: { term: string; id: number; typos: number; size: number } | null = null;
    for (const [candidate, [id]] of this.vocabulary.fuzzyGet(term, maxTypos + 1)) {
      const typos = typoDistance(term, candidate, maxTypos);
      if (typos > maxTypos) continue;
      const size = this.postingSlots[id]!.length;
      if (!best || typos < best.typos || (typos === best.typos && size > best.size)) {
        best = { term: candidate, id, typos, size };
      }
    }
    return best && { term: best.term, written: this.display[best.id]!, typos: best.typos };
  }

  /** Indexed words starting with `prefix` (not description-only), most used first, as written. */
  completions(prefix: string, limit: number): { term: string; written: string }[] {
    return [...this.vocabulary.atPrefix(prefix).entries()]
      .filter(([, id]) => this.suggestible[id] === 1)
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

/** Exact before prefix before typos; fewer typos first. */
function cost(candidate: Candidate): number {
  return candidate.typos * 100 + candidate.prefix;
}

/**
 * Proximity cost between the previous query word's place and this one's: 0 when next to each
 * other in order in one field, growing with the gap, one more when reversed, `farApart` when in
 * different fields.
 */
function distance(previous: number, place: number): number {
  if (fieldOf(previous) !== fieldOf(place)) return farApart;
  const gap = (place & 255) - (previous & 255);
  return Math.min(gap > 0 ? gap - 1 : 1 - gap, farApart);
}

/** The best field's rank in a posting place. */
function fieldOf(place: number): number {
  return (place >> 8) & 15;
}

/**
 * How many fields besides the best one hold the term. The description is not counted: it often
 * repeats the name ("A concrete planter ..."), which says nothing more about the match.
 */
function otherFields(place: number): number {
  let mask = (place >> 12) & ~(1 << descriptionField) & ~(1 << fieldOf(place));
  let count = 0;
  while (mask) {
    count += mask & 1;
    mask >>= 1;
  }
  return count;
}

/**
 * 1 when the term is only in the product's description. Such a match ranks as if it had one more
 * typo: "sears" finds Shears (one typo, in the name) before pans whose description says they sear
 * well; a prose mention is weaker evidence than a name one letter off.
 */
function descriptionOnly(place: number): number {
  return fieldOf(place) === descriptionField ? 1 : 0;
}
