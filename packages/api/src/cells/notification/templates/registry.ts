import type { EmailTemplate } from './email-template';
import { passwordResetEmail } from './password-reset';
import { verifyEmail } from './verify-email';
import { welcomeEmail } from './welcome';

/** Every email the platform sends, by id. A new one: its file, then a line here. */
export const emailTemplates = {
  welcome: welcomeEmail,
  'verify-email': verifyEmail,
  'password-reset': passwordResetEmail,
} as const;

export type EmailTemplateId = keyof typeof emailTemplates;
export type EmailProps<TId extends EmailTemplateId> =
  (typeof emailTemplates)[TId] extends EmailTemplate<infer P> ? P : never;
