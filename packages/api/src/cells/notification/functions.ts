import type { InngestFunction } from 'inngest';
import { abandonedCartReminder } from './functions/abandoned-cart-reminder';
import { alertCsvImportFinished } from './functions/alert-csv-import-finished';
import { alertEmailsFailing } from './functions/alert-emails-failing';
import { alertLowStock } from './functions/alert-low-stock';
import { alertOrderStuckInPayment } from './functions/alert-order-stuck-in-payment';
import { alertRefundFailed } from './functions/alert-refund-failed';
import { erasePersonalData } from './functions/erase-personal-data';
import { notifyBackInStock } from './functions/notify-back-in-stock';
import { recordCustomerPurchase } from './functions/record-customer-purchase';
import { rememberRecipientLanguage } from './functions/remember-recipient-language';
import { resendMessage } from './functions/resend-message';
import { sendCampaign } from './functions/send-campaign';
import { sendOrderCancelLinkEmail } from './functions/send-order-cancel-link-email';
import { sendOrderCancelledEmail } from './functions/send-order-cancelled-email';
import { sendOrderConfirmedEmail } from './functions/send-order-confirmed-email';
import { sendOrderDeliveredEmail } from './functions/send-order-delivered-email';
import { sendOrderShippedEmail } from './functions/send-order-shipped-email';
import { sendPasswordResetEmail } from './functions/send-password-reset-email';
import { sendRefundIssuedEmail } from './functions/send-refund-issued-email';
import { sendReviewRequestEmail } from './functions/send-review-request-email';
import { sendNewsletterConfirmationEmail } from './functions/send-newsletter-confirmation-email';
import { sendNewsletterWelcomeEmail } from './functions/send-newsletter-welcome-email';
import { sendSignInAttemptsEmail } from './functions/send-sign-in-attempts-email';
import { sweepBackInStock } from './functions/sweep-back-in-stock';
import { sendVerificationEmail } from './functions/send-verification-email';
import { sendWelcomeEmail } from './functions/send-welcome-email';

/** The notification cell's Inngest functions. */
export const notificationFunctions: InngestFunction.Any[] = [
  sendWelcomeEmail,
  sendVerificationEmail,
  sendPasswordResetEmail,
  sendOrderConfirmedEmail,
  sendOrderCancelledEmail,
  sendOrderCancelLinkEmail,
  sendOrderShippedEmail,
  sendOrderDeliveredEmail,
  sendRefundIssuedEmail,
  sendSignInAttemptsEmail,
  erasePersonalData,
  resendMessage,
  rememberRecipientLanguage,
  alertLowStock,
  alertOrderStuckInPayment,
  alertRefundFailed,
  alertEmailsFailing,
  alertCsvImportFinished,
  sendNewsletterConfirmationEmail,
  sendNewsletterWelcomeEmail,
  notifyBackInStock,
  sweepBackInStock,
  abandonedCartReminder,
  sendCampaign,
  recordCustomerPurchase,
  sendReviewRequestEmail,
];
