import type { IndexedProduct } from './indexed-product';
import { ruleQueryKey } from './rule-query-key';
import type { BoostRule, QueryPinsRule, RuleSet } from './rule-set';
import { maxQueryWords, queryWords, type QueryWord } from './text-analysis';

/** Longest synonym phrase looked for in a query, in words (`t shirt` is two). */
const maxPhraseWords = 3;
/** Alternative queries one search may run: each is a full text match. */
const maxVariants = 8;

/** A product's net boost: +1 per boost rule it meets, -1 per bury rule. */
export type BoostScore = (product: IndexedProduct) => number;

export interface QueryPins {
  pinned: readonly string[];
  hidden: ReadonlySet<string>;
}

const termsKey = (words: readonly QueryWord[]) => words.map((word) => word.term).join(' ');

function meets(rule: BoostRule, product: IndexedProduct): boolean {
  if (rule.field === 'inStock') return product.inStock;
  if (rule.field === 'brand') {
    return product.summary.brand.toLocaleLowerCase('en') === rule.value.toLocaleLowerCase('en');
  }
  return product.categories.includes(rule.value);
}

/**
 * One rule set compiled for answering queries: synonym phrases by their terms, query rules by
 * their normalised query. Immutable; a new set replaces it whole when the rules change.
 */
export class MerchandisingRules {
  static readonly none = new MerchandisingRules({
    synonyms: [],
    redirects: [],
    pins: [],
    boosts: [],
  });

  /** Source phrase (terms joined by spaces) -> what it also finds. */
  private readonly synonyms = new Map<string, QueryWord[][]>();
  private readonly redirects = new Map<string, string>();
  private readonly pins = new Map<string, QueryPinsRule>();
  private readonly globalBoosts: BoostRule[] = [];
  private readonly queryBoosts = new Map<string, BoostRule[]>();

  constructor(readonly set: RuleSet) {
    for (const rule of set.synonyms) {
      const phrases = rule.terms.map(queryWords).filter((words) => words.length > 0);
      const sources = rule.direction === 'two-way' ? phrases : phrases.slice(0, 1);
      for (const source of sources) {
        const others = phrases.filter((phrase) => phrase !== source);
        for (const key of this.keysOf(source)) {
          const known = this.synonyms.get(key) ?? [];
          const seen = new Set(known.map(termsKey));
          for (const other of others) if (!seen.has(termsKey(other))) known.push(other);
          this.synonyms.set(key, known);
        }
      }
    }
    for (const rule of set.redirects) this.redirects.set(ruleQueryKey(rule.query), rule.url);
    for (const rule of set.pins) this.pins.set(ruleQueryKey(rule.query), rule);
    for (const rule of set.boosts) {
      const key = ruleQueryKey(rule.query);
      if (key === '') this.globalBoosts.push(rule);
      else this.queryBoosts.set(key, [...(this.queryBoosts.get(key) ?? []), rule]);
    }
  }

  /** "t shirt" is also looked for written as one word ("tshirt"), as the index does. */
  private keysOf(phrase: readonly QueryWord[]): string[] {
    const key = termsKey(phrase);
    if (phrase.length === 1) return [key];
    const joined = queryWords(phrase.map((word) => word.typed).join(''))[0];
    return joined ? [key, joined.term] : [key];
  }

  get isEmpty(): boolean {
    return (
      this.synonyms.size === 0 &&
      this.redirects.size === 0 &&
      this.pins.size === 0 &&
      this.globalBoosts.length === 0 &&
      this.queryBoosts.size === 0
    );
  }

  /** Whether a query word is the source of a synonym (it matches through the rule). */
  isSynonymSource(term: string): boolean {
    return this.synonyms.has(term);
  }

  /**
   * The query as typed, then every version with synonym phrases swapped in (`tee shirt`: also
   * `t shirt shirt`); longest phrase first at each place, at most `maxVariants` in all.
   */
  expand(words: readonly QueryWord[]): QueryWord[][] {
    if (this.synonyms.size === 0) return [[...words]];
    let variants: QueryWord[][] = [[]];
    let at = 0;
    while (at < words.length) {
      let length = Math.min(maxPhraseWords, words.length - at);
      let alternatives: QueryWord[][] | undefined;
      for (; length > 0; length -= 1) {
        alternatives = this.synonyms.get(termsKey(words.slice(at, at + length)));
        if (alternatives) break;
      }
      if (!alternatives || length === 0) {
        for (const variant of variants) variant.push(words[at]!);
        at += 1;
        continue;
      }
      const own = words.slice(at, at + length);
      const next: QueryWord[][] = [];
      for (const variant of variants) {
        for (const alternative of [own, ...alternatives]) {
          if (next.length < maxVariants) next.push([...variant, ...alternative]);
        }
      }
      variants = next;
      at += length;
    }
    return variants.map((variant) => variant.slice(0, maxQueryWords));
  }

  redirectFor(query: string): string | null {
    return this.redirects.get(ruleQueryKey(query)) ?? null;
  }

  pinsFor(query: string): QueryPins | null {
    const rule = this.pins.get(ruleQueryKey(query));
    return rule ? { pinned: rule.pinned, hidden: new Set(rule.hidden) } : null;
  }

  /** The boost score for this query's results, or null when no boost or bury rule applies. */
  boostsFor(query: string): BoostScore | null {
    const rules = [...this.globalBoosts, ...(this.queryBoosts.get(ruleQueryKey(query)) ?? [])];
    if (rules.length === 0) return null;
    return (product) => {
      let score = 0;
      for (const rule of rules) {
        if (meets(rule, product)) score += rule.effect === 'boost' ? 1 : -1;
      }
      return score;
    };
  }
}
