import type { MessageKind } from '@shop/db/notification';
import type { ReactElement } from 'react';
import type { z } from 'zod';

/** What every template gets besides its own props. */
export interface EmailContext {
  /** `STOREFRONT_PUBLIC_URL` without a trailing slash; every link starts here. */
  storefrontUrl: string;
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
  render(props: TProps, context: EmailContext): ReactElement;
}

/** Keeps the props type of each template when the registry lists them. */
export function defineEmailTemplate<TProps>(
  template: EmailTemplate<TProps>,
): EmailTemplate<TProps> {
  return template;
}
