import { isObjectIdText } from '../../../ids/object-id-text';
import { notificationDatabase } from '../database';

/**
 * A bounce or complaint about a message that belongs to a campaign is counted on the campaign,
 * once per recipient and kind (a repeated report changes nothing). `messageId` is our Message
 * record's id (a refusal at send time) or the provider's Message-ID (a later report).
 */
export async function countCampaignReport(report: {
  reason: 'hard-bounce' | 'complaint';
  messageId?: string | null;
}): Promise<void> {
  if (!report.messageId) return;
  const { Message, CampaignDelivery, Campaign } = await notificationDatabase.models();
  const message = await Message.findOne(
    isObjectIdText(report.messageId)
      ? { $or: [{ _id: report.messageId }, { providerMessageId: report.messageId }] }
      : { providerMessageId: report.messageId },
    { template: 1, dedupeKey: 1 },
  ).lean();
  const [, campaignId, subscriberId] = message?.dedupeKey?.split(':') ?? [];
  if (message?.template !== 'campaign' || !campaignId || !subscriberId) return;
  const flag = report.reason === 'hard-bounce' ? 'bounced' : 'complained';
  const marked = await CampaignDelivery.updateOne(
    { campaignId, subscriberId, [flag]: { $ne: true } },
    { $set: { [flag]: true } },
  );
  if (marked.modifiedCount === 1) {
    await Campaign.updateOne({ _id: campaignId }, { $inc: { [`counts.${flag}`]: 1 } });
  }
}
