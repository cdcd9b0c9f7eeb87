import type { IncomingMessage } from 'node:http';
import { hostConfig } from '../../config/host';
import { isInternalCaller } from '../../host/internal-caller';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../identity/access-token';
import type { Identity } from '../../identity/identity';
import { remoteAuthKeySet } from '../../identity/remote-key-set';
import { MediaRefusal } from './media-refusal';

let verify: AccessTokenVerifier | undefined;

/**
 * Who is uploading. A cell's own HTTP routes are public at the host (internal-caller.ts), so this
 * route makes the checks a procedure gets: the internal credential (only the admin's server may
 * call it), then a staff access token verified against the auth cell's published keys and
 * revocation list, as `permissionProcedure('catalog:write')` would.
 */
export async function productImageUploader(req: IncomingMessage): Promise<Identity> {
  if (!isInternalCaller(req, hostConfig().CELL_SERVICE_TOKEN)) {
    throw new MediaRefusal(401, 'Uploads come through the admin app only.');
  }
  verify ??= createAccessTokenVerifier(remoteAuthKeySet());
  const identity = await verify(req.headers.authorization);
  if (!identity) throw new MediaRefusal(401, 'Sign in to upload images.');
  if (!identity.permissions.has('catalog:write')) {
    throw new MediaRefusal(403, 'Requires the catalog:write permission');
  }
  return identity;
}
