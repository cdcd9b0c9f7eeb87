import type { TemplateLanguage } from '@shop/db/notification';
import { notificationDatabase } from './database';

/**
 * Keeps an account's email language (from `user/language.chosen`). The filter only matches a row
 * older than this change, so a redelivered or late event is a no-op; a duplicate insert racing
 * a newer one loses on the unique index and is ignored.
 */
export async function rememberLanguage(change: {
  accountId: string;
  language: TemplateLanguage;
  changedAt: string;
}): Promise<{ stored: boolean }> {
  const { RecipientLanguage } = await notificationDatabase.models();
  const changedAt = new Date(change.changedAt);
  try {
    const result = await RecipientLanguage.updateOne(
      { accountId: change.accountId, changedAt: { $lt: changedAt } },
      { $set: { language: change.language, changedAt } },
      { upsert: true },
    );
    return { stored: result.modifiedCount + result.upsertedCount > 0 };
  } catch (error) {
    // The row exists with a newer or equal change: the upsert collided with it.
    if ((error as { code?: number }).code === 11000) return { stored: false };
    throw error;
  }
}

/** The language to write to this account in; undefined (the shop's default) when unknown. */
export async function languageOf(accountId: string | undefined) {
  if (!accountId) return undefined;
  const { RecipientLanguage } = await notificationDatabase.models();
  const found = await RecipientLanguage.findOne({ accountId }, { language: 1 }).lean();
  return (found?.language as TemplateLanguage | undefined) ?? undefined;
}

/** Account deletion: the language choice goes with the rest of the person's records. */
export async function forgetLanguage(accountId: string): Promise<{ languagesDeleted: number }> {
  const { RecipientLanguage } = await notificationDatabase.models();
  const { deletedCount } = await RecipientLanguage.deleteMany({ accountId });
  return { languagesDeleted: deletedCount };
}
