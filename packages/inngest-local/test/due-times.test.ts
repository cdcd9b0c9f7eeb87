import { describe, expect, it } from 'vitest';
import { DueTimes } from '../src/engine/due-times';

// The scheduler arms its timer from these times instead of asking the database after every job,
// so a job queued by this executor must never be forgotten or looked for late.
describe('the due times the scheduler keeps', () => {
  it('gives the soonest time first, whatever order they came in', () => {
    const times = new DueTimes();
    const random = [50, 7, 93, 7, 12, 88, 1, 64, 30, 30, 99, 2];
    for (const at of random) times.add(at);
    const seen: number[] = [];
    while (times.size > 0) {
      const soonest = times.peek() ?? -1;
      seen.push(soonest);
      times.dropUntil(soonest);
    }
    // Equal times go together, as they are looked for by one look at the queue.
    expect(seen).toEqual([...new Set(random)].sort((a, b) => a - b));
  });

  it('drops only the times a look at the queue covered', () => {
    const times = new DueTimes();
    for (const at of [300, 100, 200, 400]) times.add(at);
    times.dropUntil(250);
    expect(times.size).toBe(2);
    expect(times.peek()).toBe(300);
    times.dropUntil(99);
    expect(times.peek()).toBe(300);
    times.dropUntil(1_000);
    expect(times.peek()).toBeUndefined();
  });
});
