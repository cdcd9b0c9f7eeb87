import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { authedProcedure, permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { router } from '../../trpc/init';
import { statusProcedure } from '../status';
import {
  confirmSubscriptionInput,
  listSuppressionsInput,
  notifyWhenAvailableInput,
  rememberCheckoutInput,
  removeSuppressionInput,
  customerMarketingInput,
  restoreCartLinkInput,
  setMyNewsletterInput,
  audienceSizeInput,
  cancelCampaignInput,
  getCampaignInput,
  pauseCampaignInput,
  resumeCampaignInput,
  sendCampaignNowInput,
  sendCampaignTestInput,
  createCampaignInput,
  listCampaignsInput,
  previewCampaignInput,
  scheduleCampaignInput,
  updateCampaignInput,
  subscribeInput,
  unsubscribeInput,
  unsubscribeLinkInput,
  getMessageInput,
  listAlertsInput,
  listMessagesInput,
  markAlertsReadInput,
  setAlertSubscriptionInput,
  previewTemplateInput,
  resendMessageInput,
  resetTemplateOverrideInput,
  saveTemplateOverrideInput,
} from './inputs';
import {
  alertSubscription,
  listAlerts,
  markAlertsRead,
  setAlertSubscription,
  unreadAlertCount,
} from './procedures/alerts';
import {
  listCampaigns,
  getCampaign,
  createCampaign,
  updateCampaign,
  previewCampaign,
  audienceSize,
  sendCampaignTest,
  scheduleCampaign,
  sendCampaignNow,
  pauseCampaign,
  resumeCampaign,
  cancelCampaign,
} from './procedures/campaigns';
import { getMessage, listMessages, resendMessage } from './procedures/messages';
import { notifyWhenAvailable, rememberCheckout, restoreCartLink } from './procedures/lifecycle';
import {
  confirmSubscription,
  myNewsletter,
  setMyNewsletter,
  subscribe,
  unsubscribe,
  unsubscribeLink,
} from './procedures/newsletter';
import { customerMarketing } from './procedures/customer-marketing';
import { listSuppressions, removeSuppression } from './procedures/suppressions';
import {
  listTemplates,
  previewTemplate,
  resetTemplateOverride,
  saveTemplateOverride,
  templateIds,
} from './procedures/templates';

/** The notification cell's procedures. */
export const notificationRouter = router({
  status: statusProcedure('notification'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('notification'),
  /**
   * Staff: sent, queued and failed emails, newest first. Behind `customers:read` because what it
   * shows is customers' addresses and what was sent to them, the question support answers
   * ("did my reset email go out?"); `notifications:send` is for sending, which this does not do.
   */
  listMessages: permissionProcedure('customers:read').input(listMessagesInput).query(listMessages),
  /** Staff (customers:read): one message, every attempt and the provider's answers. */
  getMessage: permissionProcedure('customers:read').input(getMessageInput).query(getMessage),
  /** Staff (notifications:send): send a failed transactional email again, once (audited). */
  resendMessage: permissionProcedure('notifications:send')
    .input(resendMessageInput)
    .mutation(resendMessage),
  /** Staff (customers:read): the template ids, for the message list's filter. */
  templateIds: permissionProcedure('customers:read').query(templateIds),
  /** Staff (notifications:send): every template with its sample subject and reworded languages. */
  listTemplates: permissionProcedure('notifications:send').query(listTemplates),
  /** Staff (notifications:send): a template with sample data, HTML and text, in one language. */
  previewTemplate: permissionProcedure('notifications:send')
    .input(previewTemplateInput)
    .query(previewTemplate),
  /** Staff (notifications:send): reword the subject and editable blocks in a language (audited). */
  saveTemplateOverride: permissionProcedure('notifications:send')
    .input(saveTemplateOverrideInput)
    .mutation(saveTemplateOverride),
  /** Staff (notifications:send): back to the template's own text in a language (audited). */
  resetTemplateOverride: permissionProcedure('notifications:send')
    .input(resetTemplateOverrideInput)
    .mutation(resetTemplateOverride),
  // Staff alerts: every staff role (checked in the handlers), read state per account.
  listAlerts: authedProcedure.input(listAlertsInput).query(listAlerts),
  unreadAlertCount: authedProcedure.query(unreadAlertCount),
  markAlertsRead: authedProcedure.input(markAlertsReadInput).mutation(markAlertsRead),
  alertSubscription: authedProcedure.query(alertSubscription),
  setAlertSubscription: authedProcedure
    .input(setAlertSubscriptionInput)
    .mutation(setAlertSubscription),
  // ---- Newsletter (double opt-in), unsubscribe, suppression, lifecycle (issue 18)
  /** Public: footer or checkout sign-up; mails a confirmation link, same answer for any address. */
  subscribe: publicProcedure.input(subscribeInput).mutation(subscribe),
  /** Public: the confirmation page's button (twice is harmless). */
  confirmSubscription: publicProcedure
    .input(confirmSubscriptionInput)
    .mutation(confirmSubscription),
  /** Public: whether an unsubscribe link works, for its page (never the address). */
  unsubscribeLink: publicProcedure.input(unsubscribeLinkInput).query(unsubscribeLink),
  /** Public, no sign-in: the unsubscribe button and RFC 8058 one-click POST. */
  unsubscribe: publicProcedure.input(unsubscribeInput).mutation(unsubscribe),
  /** Signed in: the account page's newsletter state, and its switch. */
  myNewsletter: authedProcedure.query(myNewsletter),
  setMyNewsletter: authedProcedure.input(setMyNewsletterInput).mutation(setMyNewsletter),
  /** Staff (customers:read): addresses that get no marketing mail (bounces, complaints). */
  listSuppressions: permissionProcedure('customers:read')
    .input(listSuppressionsInput)
    .query(listSuppressions),
  /** Staff (customers:read): an address's newsletter consent and suppression (customer page). */
  customerMarketing: permissionProcedure('customers:read')
    .input(customerMarketingInput)
    .query(customerMarketing),
  /** Staff (customers:write): lift a suppression (audited). */
  removeSuppression: permissionProcedure('customers:write')
    .input(removeSuppressionInput)
    .mutation(removeSuppression),
  /** Public: "email me when available" on a sold-out variant. */
  notifyWhenAvailable: publicProcedure
    .input(notifyWhenAvailableInput)
    .mutation(notifyWhenAvailable),
  /** Public (the storefront's server): a known email reached checkout with these items. */
  rememberCheckout: publicProcedure.input(rememberCheckoutInput).mutation(rememberCheckout),
  /** Public: the items an abandoned-cart email's restore link names. */
  restoreCartLink: publicProcedure.input(restoreCartLinkInput).query(restoreCartLink),
  // ---- Campaigns (issue 18), all behind notifications:send; mutations audited.
  listCampaigns: permissionProcedure('notifications:send')
    .input(listCampaignsInput)
    .query(listCampaigns),
  getCampaign: permissionProcedure('notifications:send').input(getCampaignInput).query(getCampaign),
  createCampaign: permissionProcedure('notifications:send')
    .input(createCampaignInput)
    .mutation(createCampaign),
  /** Only while draft or scheduled. */
  updateCampaign: permissionProcedure('notifications:send')
    .input(updateCampaignInput)
    .mutation(updateCampaign),
  /**
   * Unsaved content rendered with a sample recipient: `{ subject, html, text }`. A mutation (a
   * POST body) although it changes nothing: a query carries its input in the URL, and a long
   * campaign's content does not fit there (HTTP 431).
   */
  previewCampaign: permissionProcedure('notifications:send')
    .input(previewCampaignInput)
    .mutation(previewCampaign),
  /** How many would get it now (consented, not suppressed, in the segment). */
  audienceSize: permissionProcedure('notifications:send')
    .input(audienceSizeInput)
    .query(audienceSize),
  /** To the signed-in staff member's own address only (never one from input). */
  sendCampaignTest: permissionProcedure('notifications:send')
    .input(sendCampaignTestInput)
    .mutation(sendCampaignTest),
  scheduleCampaign: permissionProcedure('notifications:send')
    .input(scheduleCampaignInput)
    .mutation(scheduleCampaign),
  sendCampaignNow: permissionProcedure('notifications:send')
    .input(sendCampaignNowInput)
    .mutation(sendCampaignNow),
  /** Stops after the batch being sent. */
  pauseCampaign: permissionProcedure('notifications:send')
    .input(pauseCampaignInput)
    .mutation(pauseCampaign),
  /** Continues where it stopped. */
  resumeCampaign: permissionProcedure('notifications:send')
    .input(resumeCampaignInput)
    .mutation(resumeCampaign),
  /** Stops for good (before it finished). */
  cancelCampaign: permissionProcedure('notifications:send')
    .input(cancelCampaignInput)
    .mutation(cancelCampaign),
});
