/**
 * How a figure moved against the period before, as a merchant reads it: "+12 %", "−3 %", "no
 * change", or, with nothing to compare against, "none yesterday" rather than an infinite percent.
 */
export interface Change {
  text: string;
  direction: 'up' | 'down' | 'flat' | 'new';
}

export function changeAgainst(current: number, previous: number, previousLabel: string): Change {
  if (previous === 0) {
    return current === 0
      ? { text: `none ${previousLabel} either`, direction: 'flat' }
      : { text: `none ${previousLabel}`, direction: 'new' };
  }
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent === 0) return { text: `same as ${previousLabel}`, direction: 'flat' };
  // U+2212 minus: the typographic sign, read as "minus" by screen readers.
  const sign = percent > 0 ? '+' : '\u2212';
  return {
    text: `${sign}${Math.abs(percent)} % on ${previousLabel}`,
    direction: percent > 0 ? 'up' : 'down',
  };
}
