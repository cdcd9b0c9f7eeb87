import { mailConfig } from './mail-config';
import { subscriberIdOf, unsubscribeToken } from './subscribers';

export interface UnsubscribeLinks {
  /** The signed token (URL-encoded) both links carry: it names the subscriber, not the address. */
  token: string;
  /** The page with the button, linked in the email's footer. */
  pageUrl: string;
  /** What mail clients POST to (RFC 8058), and open in a browser when they cannot. */
  oneClickUrl: string;
  /** `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 2369, RFC 8058). */
  headers: Record<string, string>;
}

/**
 * The unsubscribe links of a marketing email to this subscriber (no database read: a campaign
 * batch has the subscriber ids of its page). No mailto: the shop has no mailbox that reads
 * replies.
 */
export function unsubscribeLinksForSubscriber(subscriberId: string): UnsubscribeLinks {
  const token = encodeURIComponent(unsubscribeToken(subscriberId));
  const { storefrontUrl } = mailConfig();
  const oneClickUrl = `${storefrontUrl}/unsubscribe/one-click?token=${token}`;
  return {
    token,
    pageUrl: `${storefrontUrl}/unsubscribe?token=${token}`,
    oneClickUrl,
    headers: {
      'List-Unsubscribe': `<${oneClickUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/**
 * The unsubscribe links of a marketing email to `email`, or null when the address has no
 * subscriber record (then it gets no marketing mail either: consent.ts). Every marketing email
 * carries them, whatever its template.
 */
export async function unsubscribeLinksFor(email: string): Promise<UnsubscribeLinks | null> {
  const subscriberId = await subscriberIdOf(email);
  return subscriberId ? unsubscribeLinksForSubscriber(subscriberId) : null;
}
