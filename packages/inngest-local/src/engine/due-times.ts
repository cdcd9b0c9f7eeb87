/**
 * When jobs this executor queued fall due, soonest first (a binary min-heap of epoch ms). The
 * scheduler arms its timer from it instead of asking the database after every job; a time whose
 * job has gone meanwhile only costs one look at the queue that finds nothing.
 */
export class DueTimes {
  private readonly heap: number[] = [];

  get size(): number {
    return this.heap.length;
  }

  add(at: number): void {
    const heap = this.heap;
    heap.push(at);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((heap[parent] ?? 0) <= at) break;
      heap[index] = heap[parent] ?? 0;
      index = parent;
    }
    heap[index] = at;
  }

  /** The soonest time, or undefined when empty. */
  peek(): number | undefined {
    return this.heap[0];
  }

  /** Drops every time up to and including `at` (those jobs were looked for). */
  dropUntil(at: number): void {
    while (this.heap.length > 0 && (this.heap[0] ?? 0) <= at) this.pop();
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      let value = last;
      if (left < heap.length && (heap[left] ?? 0) < value) {
        smallest = left;
        value = heap[left] ?? 0;
      }
      if (right < heap.length && (heap[right] ?? 0) < value) smallest = right;
      if (smallest === index) break;
      heap[index] = heap[smallest] ?? 0;
      index = smallest;
    }
    heap[index] = last;
  }
}
