import { describe, expect, it } from 'vitest';
import { previewableHtml } from './previewable-html';

describe('the preview frame shows remote pictures as stand-ins', () => {
  it('replaces http, https and protocol-relative image sources, keeping the other attributes', () => {
    const html =
      '<p>Hi</p><img alt="Wren bowl" src="http://127.0.0.1:3200/images/products/wren/default.svg" width="180">' +
      '<img src=\'https://cdn.example/x.png\' alt="x"><img src="//cdn.example/y.png">';
    const shown = previewableHtml(html);
    expect(shown).not.toContain('127.0.0.1:3200');
    expect(shown).not.toContain('cdn.example');
    expect(shown).toContain('alt="Wren bowl"');
    expect(shown).toContain('width="180"');
    expect(shown.match(/data:image\/svg\+xml/g)).toHaveLength(3);
  });

  it('drops image preloads and srcsets, and replaces CSS and background pictures', () => {
    const html =
      '<head><link rel="preload" as="image" href="http://127.0.0.1:3200/a.svg"/></head>' +
      '<img src="https://x.example/a.png" srcset="https://x.example/a2.png 2x">' +
      '<td background="https://x.example/bg.png" style="background-image:url(https://x.example/c.png)">';
    const shown = previewableHtml(html);
    expect(shown).not.toMatch(/127\.0\.0\.1|x\.example/);
    expect(shown).not.toContain('<link');
  });

  it('leaves links, text and images already allowed alone', () => {
    const html =
      '<a href="https://shop.example/p">Shop https://x</a><img src="data:image/png;base64,AA">';
    expect(previewableHtml(html)).toBe(html);
  });
});
