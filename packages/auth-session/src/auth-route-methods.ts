/**
 * next-auth (v4) signs in with credentials only by `POST /api/auth/callback/credentials`; a `GET`
 * there throws "Callback for provider type credentials not supported" and the app answered 500
 * (found by the route fuzz, e2e/tests/routes-fuzz.*.spec.ts). Wraps the handler's `GET` so that
 * path answers 405 with `Allow: POST` instead; every other path goes to next-auth unchanged.
 */
export function refuseGetOfCredentialsCallback<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => unknown,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    if (new URL(request.url).pathname.endsWith('/callback/credentials')) {
      return Response.json(
        { error: 'sign in with POST' },
        { status: 405, headers: { allow: 'POST' } },
      );
    }
    // next-auth's App Router handler answers with a Response; its typings say only `any`.
    return (await handler(request, ...rest)) as Response;
  };
}
