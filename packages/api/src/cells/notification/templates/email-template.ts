import type { MessageKind } from '@shop/db/notification';
import type { ReactElement } from 'react';
import type { z } from 'zod';
import type { EditableBlocks } from './editable-text';

/** What every template gets besides its own props. */
export interface EmailContext {
  /** `STOREFRONT_PUBLIC_URL` without a trailing slash; every link starts here. */
  storefrontUrl: string;
  /** Marketing mail only: the page that unsubscribes this recipient (signed, no address in it). */
  unsubscribeUrl?: string;
  /** Staff's wording of the editable blocks for this email's language (`editable-text.ts`). */
  blockOverrides?: Readonly<Record<string, string>>;
}

/**
 * One kind of email. Adding one is a file exporting an `EmailTemplate` and a line in
 * `registry.ts`; the sending, recording and retrying are shared.
 */
export interface EmailTemplate<TProps> {
  id: string;
  /** Marketing mail needs the recipient's consent and carries an unsubscribe note. */
  kind: MessageKind;
  /**
   * Its props carry a single-use link (reset, verification, cancel): they are never stored, so a
   * failed one cannot be resent by staff; the customer asks for a new link instead.
   */
  singleUseLink?: true;
  /** Validates what the sender passes in, so a template never renders half-filled. */
  props: z.ZodType<TProps>;
  subject(props: TProps): string;
  /**
   * What staff may reword in the admin: the blocks (default text) and the variables the subject
   * and blocks may use. Without it only the subject is editable, with no variables.
   */
  /**
   * Its subject and text are what staff wrote for each send (a campaign): the Templates page
   * previews it with sample content but offers no wording to change (a stored subject would
   * replace every campaign's own).
   */
  writtenPerSend?: true;
  editable?: {
    blocks: EditableBlocks;
    variables: readonly string[];
    values(props: NoInfer<TProps>): Record<string, string>;
  };
  render(props: TProps, context: EmailContext): ReactElement;
}

/** Keeps the props type of each template when the registry lists them. */
export function defineEmailTemplate<TProps>(
  template: EmailTemplate<TProps>,
): EmailTemplate<TProps> {
  return template;
}
