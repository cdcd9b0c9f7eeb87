import type { InngestFunction } from 'inngest';
import { erasePersonalData } from './functions/erase-personal-data';
import { resendMessage } from './functions/resend-message';
import { sendOrderCancelLinkEmail } from './functions/send-order-cancel-link-email';
import { sendOrderCancelledEmail } from './functions/send-order-cancelled-email';
import { sendOrderConfirmedEmail } from './functions/send-order-confirmed-email';
import { sendOrderDeliveredEmail } from './functions/send-order-delivered-email';
import { sendOrderShippedEmail } from './functions/send-order-shipped-email';
import { sendPasswordResetEmail } from './functions/send-password-reset-email';
import { sendRefundIssuedEmail } from './functions/send-refund-issued-email';
import { sendSignInAttemptsEmail } from './functions/send-sign-in-attempts-email';
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
];
