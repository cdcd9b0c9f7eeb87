import { derivedObjectId } from '@shop/db/claims';
import type { Types } from 'mongoose';
import type { StoredCampaign } from './campaign-records';
import type { CreateCampaignInput } from './inputs';

/** The `_id` of the draft one staff account creates under one idempotency key. */
export function campaignIdFor(accountId: string, idempotencyKey: string): Types.ObjectId {
  return derivedObjectId('campaign', accountId, idempotencyKey);
}

/** JSON with object keys sorted, so stored and submitted content compare by value. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(
          Object.entries(entry as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : entry,
  );
}

/** Whether a stored draft holds this content (a retried create, not a different campaign). */
export function isSameContent(
  stored: StoredCampaign,
  content: Omit<CreateCampaignInput, 'idempotencyKey'>,
): boolean {
  const fields = (campaign: {
    name: string;
    subject: string;
    preheader?: string | null;
    language: string;
    blocks: unknown;
    audience: unknown;
  }) =>
    canonical({
      name: campaign.name,
      subject: campaign.subject,
      preheader: campaign.preheader || null,
      language: campaign.language,
      blocks: campaign.blocks,
      audience: campaign.audience,
    });
  return fields(stored) === fields(content);
}
