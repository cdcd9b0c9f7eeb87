import { randomBytes } from 'node:crypto';
import { NonRetriableError } from 'inngest';
import { z } from 'zod';
import { mailConfig } from '../mail-config';
import { campaignEmail } from '../templates/campaign';
import { renderEmail } from '../templates/render-email';
import { unsubscribeLinksForSubscriber } from '../unsubscribe-links';
import type { StoredCampaign } from './campaign-records';
import type { CampaignBlock } from './inputs';
import type { ProductCard } from './product-cards';

/** One recipient's copy: the batch's rendering with their own unsubscribe link and headers. */
export interface PersonalisedEmail {
  html: string;
  text: string;
  /** `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058) for this subscriber. */
  headers: Record<string, string>;
}

export interface RenderedCampaign {
  subject: string;
  forSubscriber(subscriberId: string): PersonalisedEmail;
}

/**
 * Renders the campaign once for a whole batch, with a random stand-in for the unsubscribe token,
 * then gives each recipient a copy with their own signed token in its place (the visible link in
 * HTML and text) and their own one-click headers. React renders the same blocks to the same HTML
 * for everyone, so only the token differs; rendering per recipient cost milliseconds each. A
 * rendering without the stand-in in both parts (a layout that lost its unsubscribe link) is
 * refused: no campaign email goes without one.
 */
export async function renderCampaignOnce(
  campaign: StoredCampaign,
  products: Record<string, ProductCard>,
): Promise<RenderedCampaign> {
  const { storefrontUrl } = mailConfig();
  // Letters and digits only: nothing in HTML or plain-text conversion changes it.
  const standIn = `unsubscribetoken${randomBytes(16).toString('hex')}`;
  const rendered = await renderEmail(
    campaignEmail,
    {
      subject: campaign.subject,
      preheader: campaign.preheader ?? null,
      blocks: campaign.blocks as CampaignBlock[],
      products,
      test: false,
    },
    { storefrontUrl, unsubscribeUrl: `${storefrontUrl}/unsubscribe?token=${standIn}` },
  ).catch((error: unknown) => {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
    throw new NonRetriableError(`campaign email cannot be rendered: ${reason}`);
  });
  const html = rendered.html.split(standIn);
  const text = rendered.text.split(standIn);
  if (html.length < 2 || text.length < 2) {
    throw new NonRetriableError('the campaign email has no unsubscribe link to personalise');
  }
  return {
    subject: rendered.subject,
    forSubscriber(subscriberId) {
      const links = unsubscribeLinksForSubscriber(subscriberId);
      return {
        html: html.join(links.token),
        text: text.join(links.token),
        headers: links.headers,
      };
    },
  };
}
