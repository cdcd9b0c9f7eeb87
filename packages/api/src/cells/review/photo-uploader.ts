import type { IncomingMessage } from 'node:http';
import { Types } from 'mongoose';
import { hostConfig } from '../../config/host';
import { MediaRefusal } from '../../files/upload-refusal';
import { isInternalCaller } from '../../host/internal-caller';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../identity/access-token';
import { remoteAuthKeySet } from '../../identity/remote-key-set';
import { isObjectIdText } from '../../ids/object-id-text';

let verify: AccessTokenVerifier | undefined;

/**
 * Who is uploading a review photo. A cell's own HTTP routes are public at the host, so this
 * route makes the checks `authedProcedure` would: the internal credential (only the storefront's
 * server forwards uploads), then a signed-in account's access token, verified against the auth
 * cell's published keys and revocation list.
 */
export async function reviewPhotoUploader(req: IncomingMessage): Promise<Types.ObjectId> {
  if (!isInternalCaller(req, hostConfig().CELL_SERVICE_TOKEN)) {
    throw new MediaRefusal(401, 'Uploads come through the shop only.');
  }
  verify ??= createAccessTokenVerifier(remoteAuthKeySet());
  const identity = await verify(req.headers.authorization);
  if (!identity) throw new MediaRefusal(401, 'Sign in to add photos to a review.');
  if (!isObjectIdText(identity.accountId)) {
    throw new MediaRefusal(403, 'This account cannot write reviews.');
  }
  return new Types.ObjectId(identity.accountId);
}
