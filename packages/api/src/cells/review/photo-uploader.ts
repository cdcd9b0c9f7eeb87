import type { IncomingMessage } from 'node:http';
import { Types } from 'mongoose';
import { hostConfig } from '../../config/host';
import { MediaRefusal } from '../../files/upload-refusal';
import { isInternalCaller } from '../../host/internal-caller';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../identity/access-token';
import { remoteAuthKeySet } from '../../identity/remote-key-set';
import { isObjectIdText } from '../../ids/object-id-text';
import { reviewLinkTokenPattern } from './request-link';
import { checkReviewLink, linkRefusalMessages } from './request-link-check';

let verify: AccessTokenVerifier | undefined;

/**
 * Who is uploading a review photo. A cell's own HTTP routes are public at the host, so this
 * route makes the checks `authedProcedure` would: the internal credential (only the storefront's
 * server forwards uploads), then a signed-in account's access token, verified against the auth
 * cell's published keys and revocation list, or (`x-review-link`) a review request link that may
 * still write its review: the photo is then the link's account's, for that review.
 */
export async function reviewPhotoUploader(req: IncomingMessage): Promise<Types.ObjectId> {
  if (!isInternalCaller(req, hostConfig().CELL_SERVICE_TOKEN)) {
    throw new MediaRefusal(401, 'Uploads come through the shop only.');
  }
  const linkToken = req.headers['x-review-link'];
  if (typeof linkToken === 'string' && linkToken) return linkUploader(linkToken);
  verify ??= createAccessTokenVerifier(remoteAuthKeySet());
  const identity = await verify(req.headers.authorization);
  if (!identity) throw new MediaRefusal(401, 'Sign in to add photos to a review.');
  if (!isObjectIdText(identity.accountId)) {
    throw new MediaRefusal(403, 'This account cannot write reviews.');
  }
  return new Types.ObjectId(identity.accountId);
}

async function linkUploader(token: string): Promise<Types.ObjectId> {
  const check = reviewLinkTokenPattern.test(token)
    ? await checkReviewLink(token)
    : ({ usable: false, refusal: 'invalid' } as const);
  if (!check.usable) {
    throw new MediaRefusal(
      check.refusal === 'invalid' ? 400 : 403,
      linkRefusalMessages[check.refusal],
    );
  }
  return new Types.ObjectId(check.link.accountId);
}
