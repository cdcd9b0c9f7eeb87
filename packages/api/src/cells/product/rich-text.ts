import sanitizeHtml from 'sanitize-html';

/**
 * Product descriptions written in the admin's rich-text editor. The HTML is sanitised here, on
 * the server, whatever the browser sent: an allowlist of formatting tags, links only to http(s)
 * and mailto with `rel="noopener noreferrer nofollow"` forced, no other attributes, no styles,
 * no scripts, no images (media has its own checked path). `sanitize-html` is used because it is
 * an allowlist sanitiser maintained for a decade, parses with htmlparser2 (no DOM or jsdom on
 * the server, unlike DOMPurify), and drops unknown tags' markup while keeping their text.
 */
const richTextPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'a',
    'blockquote',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Script and style bodies are dropped with their tags, never kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    // Editors' divs (contenteditable makes them) are paragraphs.
    div: 'p',
    h1: 'h3',
    h2: 'h3',
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** The stored form of staff-written description HTML. */
export function sanitizeDescriptionHtml(html: string): string {
  return sanitizeHtml(html, richTextPolicy).trim();
}

const blockEnd = /<\/(?:p|li|h3|h4|blockquote)>|<br\s*\/?>/g;
const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/**
 * The plain-text paragraphs of sanitised description HTML: what the storefront's product page,
 * its meta description and the search index read (they show text, never staff HTML).
 */
export function descriptionTextOf(sanitisedHtml: string): string {
  const withBreaks = sanitisedHtml.replace(blockEnd, (tag) =>
    tag.startsWith('<br') ? '\n' : '\n\n',
  );
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} }).replace(
    /&(?:amp|lt|gt|quot|#39|nbsp);/g,
    (entity) => entities[entity] ?? entity,
  );
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Plain paragraphs (older products, scripts) as HTML for the editor to open. */
export function descriptionHtmlOf(text: string): string {
  const escape = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => `<p>${escape(paragraph.trim()).replace(/\n/g, '<br />')}</p>`)
    .join('');
}
