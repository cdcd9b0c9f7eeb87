import { render, toPlainText } from '@react-email/components';
import { fillVariables } from './editable-text';
import type { EmailContext, EmailTemplate } from './email-template';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Tables marked `data-columns` (an order line, a total) stay side by side in the plain-text part,
 * as "Subtotal   €12.00", instead of one cell per paragraph.
 */
const plainTextOptions = {
  selectors: [{ selector: 'table[data-columns]', format: 'dataTable', options: { colSpacing: 4 } }],
};

/** Staff's wording for one language (`template-overrides.ts`): a subject and/or blocks. */
export interface TextOverride {
  subject?: string | null;
  blocks?: Readonly<Record<string, string>>;
}

/**
 * The template's HTML, and the plain-text part made from that same HTML (links kept). An override
 * replaces the subject and the editable blocks only; the rest of the template stays as written.
 */
export async function renderEmail<TProps>(
  template: EmailTemplate<TProps>,
  props: TProps,
  context: EmailContext,
  override?: TextOverride | null,
): Promise<RenderedEmail> {
  const valid = template.props.parse(props);
  const html = await render(
    template.render(valid, { ...context, blockOverrides: override?.blocks }),
  );
  const subject = override?.subject
    ? fillVariables(override.subject, template.editable?.values(valid) ?? {})
    : template.subject(valid);
  return { subject, html, text: toPlainText(html, plainTextOptions) };
}
