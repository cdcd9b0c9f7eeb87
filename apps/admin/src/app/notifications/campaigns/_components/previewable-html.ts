/**
 * The admin's pages load images only from their own origin (CSP `img-src 'self' data: blob:`),
 * and a `srcdoc` frame inherits that policy: the email's product and image blocks, which point
 * at the storefront or at https addresses staff typed, would be refused (and reported) inside
 * the preview. So the preview shows each such picture as a grey stand-in of the same size,
 * labelled by its alt text; the email that is sent keeps the real addresses.
 */

const standIn = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400"><rect width="600" height="400" fill="#e7e5e4"/><path d="M220 270l70-90 50 60 30-35 60 65z" fill="#a8a29e"/><circle cx="380" cy="150" r="22" fill="#a8a29e"/></svg>',
)}`;

const remote = String.raw`(?:https?:)?\/\/[^"')\s]*`;

/**
 * `html` with every remote picture replaced: `<img src>` and `background` attributes, CSS
 * `url(...)`, `srcset`s dropped, and `<link>` tags other than stylesheets dropped (React's
 * renderer adds `<link rel="preload" as="image">` for the email's images).
 */
export function previewableHtml(html: string): string {
  return html
    .replace(/<link\b(?![^>]*\brel=["']?stylesheet)[^>]*>/gi, '')
    .replace(/\s(?:image)?srcset=(["'])[^"']*\1/gi, '')
    .replace(
      new RegExp(String.raw`(\s(?:src|background)=)(["'])${remote}\2`, 'gi'),
      (_match, start: string, quote: string) => `${start}${quote}${standIn}${quote}`,
    )
    .replace(new RegExp(String.raw`url\((["']?)${remote}\1\)`, 'gi'), `url("${standIn}")`);
}
