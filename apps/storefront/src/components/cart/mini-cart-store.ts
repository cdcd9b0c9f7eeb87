'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether the header's mini-cart panel is open: a tiny store outside React so that the product
 * page's "Add to cart" (elsewhere in the tree) can open it to confirm what was added.
 */
let open = false;
const listeners = new Set<() => void>();

export function setMiniCartOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useMiniCartOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
}
