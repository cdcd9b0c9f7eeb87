import { describe, expect, it } from 'vitest';
import { changeAgainst } from './change-against';

describe('changeAgainst', () => {
  it('gives a rounded percentage with its sign', () => {
    expect(changeAgainst(112, 100, 'yesterday')).toEqual({
      text: '+12 % on yesterday',
      direction: 'up',
    });
    expect(changeAgainst(2, 3, 'last week')).toEqual({
      text: '\u221233 % on last week',
      direction: 'down',
    });
  });

  it('never divides by an empty period', () => {
    expect(changeAgainst(500, 0, 'yesterday')).toEqual({
      text: 'none yesterday',
      direction: 'new',
    });
    expect(changeAgainst(0, 0, 'yesterday').direction).toBe('flat');
  });

  it('calls a change that rounds to nothing no change', () => {
    expect(changeAgainst(1001, 1000, 'yesterday')).toEqual({
      text: 'same as yesterday',
      direction: 'flat',
    });
  });
});
