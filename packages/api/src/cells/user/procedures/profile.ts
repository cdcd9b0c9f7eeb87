import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import type { UpdatePreferencesInput, UpdateProfileInput } from '../inputs';
import { announceLanguage } from '../language-announcement';
import { ownAccount, ownProfile } from '../own-profile';
import { updateAccountPreferences, updateAccountProfile } from '../profiles';
import { toProfileView, type ProfileView } from '../views';

/** The signed-in user's profile (created with defaults on first read). */
export async function getProfile({
  ctx,
}: HandlerArgs<undefined, SignedInContext>): Promise<ProfileView> {
  return toProfileView(await ownProfile(ctx.identity));
}

export async function updateProfile({
  ctx,
  input,
}: HandlerArgs<UpdateProfileInput, SignedInContext>): Promise<ProfileView> {
  const accountId = await ownAccount(ctx.identity);
  return toProfileView(await updateAccountProfile(accountId, input));
}

export async function updatePreferences({
  ctx,
  input,
}: HandlerArgs<UpdatePreferencesInput, SignedInContext>): Promise<ProfileView> {
  const accountId = await ownAccount(ctx.identity);
  const updated = await updateAccountPreferences(accountId, input);
  if (input.language) await announceLanguage(ctx.logger, updated);
  return toProfileView(updated);
}
