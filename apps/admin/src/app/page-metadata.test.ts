import { describe, expect, it, vi } from 'vitest';

// The page's server modules refuse to load outside a React server render; only metadata is read.
vi.mock('server-only', () => ({}));

const { metadata: layout } = await import('./layout');
const { metadata: dashboard } = await import('./page');

describe('dashboard metadata', () => {
  it('names the back office in the tab title like every other page', () => {
    // Next applies the layout's template only to pages in child segments, not to this one.
    const template = (layout.title as { template: string }).template;
    expect(dashboard.title).toEqual({ absolute: template.replace('%s', 'Dashboard') });
  });
});
