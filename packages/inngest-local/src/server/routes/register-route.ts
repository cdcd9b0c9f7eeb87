import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { SyncRejectedError, type AppRegistry } from '../../engine/app-registry';
import { registerRequestSchema } from '../../protocol/register-request';
import { isAuthorizedBearer } from '../../protocol/signing';
import { headerValue, parseJsonBody, readBody, sendJson } from '../http-io';

const maxRegisterBytes = 5 * 1024 * 1024;

/**
 * `POST /fn/register`: an app syncing its functions (sent by the SDK after a `PUT`). The SDK reads
 * the outcome from the body's `status` (not the HTTP status), so every answer carries one.
 */
export async function handleRegisterRoute(
  request: IncomingMessage,
  response: ServerResponse,
  deps: { registry: AppRegistry; signingKey?: string },
): Promise<void> {
  if (
    deps.signingKey &&
    !isAuthorizedBearer(headerValue(request, 'authorization'), deps.signingKey)
  ) {
    sendJson(response, 401, {
      error: 'sync refused: missing or wrong signing key',
      status: 401,
    });
    return;
  }
  const body = parseJsonBody(await readBody(request, maxRegisterBytes));
  const parsed = registerRequestSchema.safeParse(body);
  if (!parsed.success) {
    sendJson(response, 400, {
      error: `invalid sync payload: ${z.prettifyError(parsed.error)}`,
      status: 400,
    });
    return;
  }
  try {
    const { modified } = await deps.registry.sync(parsed.data);
    sendJson(response, 200, { ok: true, modified, status: 200 });
  } catch (error) {
    if (error instanceof SyncRejectedError) {
      sendJson(response, 400, { error: error.message, status: 400 });
      return;
    }
    throw error;
  }
}
