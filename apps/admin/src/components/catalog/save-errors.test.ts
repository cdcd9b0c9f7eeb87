import { describe, expect, it } from 'vitest';
import { fieldKeyOf, saveStateFromError } from './save-errors';

/** What the tRPC client throws for a cell's refusal (recognised by its name). */
function cellError(message: string, data: Record<string, unknown>) {
  return Object.assign(new Error(message), { name: 'TRPCClientError', data });
}

describe('where the editor shows a refused save', () => {
  it('puts each input issue at the deepest field the editor renders', () => {
    expect(fieldKeyOf('variants.2.priceMinor')).toBe('variants.2.priceMinor');
    expect(fieldKeyOf('variants.1.optionValues.0')).toBe('variants.1.optionValues');
    expect(fieldKeyOf('variants')).toBe('variants');
    expect(fieldKeyOf('options.0.values.3')).toBe('options.0.values');
    expect(fieldKeyOf('seo.description')).toBe('seo.description');
    expect(fieldKeyOf('description')).toBe('descriptionHtml');
    expect(fieldKeyOf('images.0.alt')).toBe('images.0.alt');
    expect(fieldKeyOf('images')).toBe('images');
  });

  it('turns publish-rule issues into field errors', () => {
    const state = saveStateFromError(
      cellError('Invalid input', {
        code: 'BAD_REQUEST',
        issues: [
          {
            path: 'descriptionHtml',
            message: 'a description of at least 20 characters is needed to publish',
          },
          { path: 'variants.0.barcode', message: 'must be 8, 12, 13 or 14 digits' },
        ],
      }),
    );
    expect(state).toEqual({
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: {
        descriptionHtml: 'A description of at least 20 characters is needed to publish.',
        'variants.0.barcode': 'Must be 8, 12, 13 or 14 digits.',
      },
    });
  });

  it('tells a stale editor that someone else saved, and a taken slug at the slug', () => {
    const stale = saveStateFromError(
      cellError(
        'This product was changed by someone else after you opened it (you edited version 3, it is now at version 4). Reload it to see their changes, then make yours again.',
        { code: 'CONFLICT' },
      ),
    );
    expect(stale.status).toBe('conflict');
    expect(stale.message).toContain('version 4');
    expect(
      saveStateFromError(cellError('slug taken: oak-lamp', { code: 'CONFLICT' })).fieldErrors,
    ).toEqual({
      slug: 'Another product already uses this address. Choose another.',
    });
  });

  it('never shows an internal message', () => {
    expect(saveStateFromError(new Error('ECONNRESET at 10.0.0.3')).message).toBe(
      'Something went wrong on our side. Try again in a moment.',
    );
    expect(saveStateFromError(cellError('boom', {})).message).toMatch(/not answering/);
  });
});
