import { describe, expect, it } from 'vitest';
import { daysIn, reportRangeOf, reportRangeProblem } from './report-range';

describe('reportRangeOf', () => {
  it('reads the range and interval from the query', () => {
    expect(reportRangeOf({ from: '2026-01-01', to: '2026-01-31', interval: 'week' })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      interval: 'week',
    });
  });

  it('puts a backwards range the right way round', () => {
    expect(reportRangeOf({ from: '2026-03-01', to: '2026-02-01' })).toMatchObject({
      from: '2026-02-01',
      to: '2026-03-01',
    });
  });

  it('takes a day that is not on the calendar as not given (the last 30 days)', () => {
    const range = reportRangeOf({ from: '2026-02-31', to: '2026-13-01' });
    expect(range.from).not.toBe('2026-02-31');
    expect(range.to).not.toBe('2026-13-01');
    expect(daysIn(range)).toBe(30);
  });
});

describe('reportRangeProblem', () => {
  it('accepts 400 days and refuses 401, naming the range and the limit', () => {
    expect(reportRangeProblem({ from: '2025-01-01', to: '2026-02-04', interval: 'month' })).toBe(
      null,
    );
    expect(daysIn({ from: '2025-01-01', to: '2026-02-04' })).toBe(400);
    expect(reportRangeProblem({ from: '2025-01-01', to: '2026-02-05', interval: 'month' })).toBe(
      '2025-01-01 to 2026-02-05 is 401 days; a report covers at most 400. Choose a shorter range.',
    );
  });
});
