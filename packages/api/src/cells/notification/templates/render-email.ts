import { render, toPlainText } from '@react-email/components';
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

/** The template's HTML, and the plain-text part made from that same HTML (links kept). */
export async function renderEmail<TProps>(
  template: EmailTemplate<TProps>,
  props: TProps,
  context: EmailContext,
): Promise<RenderedEmail> {
  const valid = template.props.parse(props);
  const html = await render(template.render(valid, context));
  return { subject: template.subject(valid), html, text: toPlainText(html, plainTextOptions) };
}
