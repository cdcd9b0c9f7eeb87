import type { SupportedLanguage } from '@shop/db/user';
import type { Logger } from 'pino';
import { sendEvent } from '../../events/inngest-client';
import { languageChosen } from './events';
import type { StoredProfile } from './views';

/**
 * Tells the notification cell the shopper's email language. The preference is already saved; if
 * the event cannot be sent, their emails stay in the previous language until they save again, so
 * the failure is logged rather than failing the shopper's save.
 */
export async function announceLanguage(logger: Logger, profile: StoredProfile): Promise<void> {
  const accountId = profile.accountId.toHexString();
  try {
    await sendEvent('user', languageChosen, {
      accountId,
      // The profile model stores it as a string checked against the same list.
      language: profile.preferences.language as SupportedLanguage,
      changedAt: (profile.updatedAt ?? new Date()).toISOString(),
    });
  } catch (error) {
    logger.error(
      { err: error, accountId },
      'language saved but user/language.chosen not sent: emails keep the old language',
    );
  }
}
