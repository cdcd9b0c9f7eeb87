/** Google shows about this many characters of a title and of a description. */
export const seoTitleLimit = 60;
export const seoDescriptionLimit = 155;

function clipped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * How the product may look as a search result: the title and description shoppers would read
 * (the SEO fields, else the name and the description's start), clipped where search engines
 * usually clip them.
 */
export function SeoPreview({
  siteName,
  url,
  title,
  description,
}: {
  siteName: string;
  url: string;
  title: string;
  description: string;
}) {
  return (
    <figure
      aria-label="Search result preview"
      className="rounded-card border border-line bg-surface p-4 shadow-card"
      data-testid="seo-preview"
    >
      <figcaption className="mb-2 text-xs font-medium uppercase tracking-wide text-ink-subtle">
        Search result preview
      </figcaption>
      <p className="text-xs text-ink-muted">{siteName}</p>
      <p className="break-all text-xs text-ink-muted">{url}</p>
      <p className="mt-1 text-lg leading-snug text-[#1a0dab]">
        {clipped(title || 'Product name', seoTitleLimit)}
      </p>
      <p className="mt-1 text-sm text-ink-muted">
        {clipped(
          description || 'Add a description: search engines show its start here.',
          seoDescriptionLimit,
        )}
      </p>
    </figure>
  );
}
