import { abandonedCartEmail } from './abandoned-cart';
import { backInStockEmail } from './back-in-stock';
import { campaignEmail, campaignTestEmail } from './campaign';
import type { EmailTemplate } from './email-template';
import { newsletterConfirmationEmail } from './newsletter-confirmation';
import { newsletterWelcomeEmail } from './newsletter-welcome';
import { orderCancelLinkEmail } from './order-cancel-link';
import { orderCancelledEmail } from './order-cancelled';
import { orderConfirmedEmail } from './order-confirmed';
import { orderDeliveredEmail } from './order-delivered';
import { orderShippedEmail } from './order-shipped';
import { passwordResetEmail } from './password-reset';
import { paymentFailedEmail } from './payment-failed';
import { refundIssuedEmail } from './refund-issued';
import { reviewRequestEmail } from './review-request';
import { signInAttemptsEmail } from './sign-in-attempts';
import { verifyEmail } from './verify-email';
import { welcomeEmail } from './welcome';

/** Every email the platform sends, by id. A new one: its file, then a line here. */
export const emailTemplates = {
  welcome: welcomeEmail,
  'verify-email': verifyEmail,
  'password-reset': passwordResetEmail,
  'order-confirmed': orderConfirmedEmail,
  'payment-failed': paymentFailedEmail,
  'order-cancelled': orderCancelledEmail,
  'order-cancel-link': orderCancelLinkEmail,
  'order-shipped': orderShippedEmail,
  'order-delivered': orderDeliveredEmail,
  'refund-issued': refundIssuedEmail,
  'sign-in-attempts': signInAttemptsEmail,
  'newsletter-confirmation': newsletterConfirmationEmail,
  'newsletter-welcome': newsletterWelcomeEmail,
  'back-in-stock': backInStockEmail,
  'abandoned-cart': abandonedCartEmail,
  'review-request': reviewRequestEmail,
  // Staff-written campaigns (campaigns/): listed for the message centre's filter and preview;
  // sent by campaigns/send-batch.ts and sendCampaignTest, not through `sendEmail`.
  campaign: campaignEmail,
  'campaign-test': campaignTestEmail,
} as const;

export type EmailTemplateId = keyof typeof emailTemplates;
export type EmailProps<TId extends EmailTemplateId> =
  (typeof emailTemplates)[TId] extends EmailTemplate<infer P> ? P : never;
