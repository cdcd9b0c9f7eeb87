import { bearer, queryUrl, request, type RawResponse } from './http';

/** A tRPC mutation over plain HTTP, as a browser's (unbatched) call would send it. */
export function mutate(
  baseUrl: string,
  path: string,
  input?: unknown,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return request(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? bearer(options.token) : {}),
      ...options.headers,
    },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
}

/** A tRPC query over plain HTTP. */
export function query(
  baseUrl: string,
  path: string,
  input?: unknown,
  options: { token?: string } = {},
): Promise<RawResponse> {
  return request(queryUrl(baseUrl, path, input), {
    headers: options.token ? bearer(options.token) : {},
  });
}

/** The `result.data` of a successful answer. */
export function dataOf<T>(response: RawResponse): T {
  return (response.json as { result: { data: T } }).result.data;
}

/** The `error` of a refused answer. */
export function errorOf(response: RawResponse) {
  return (
    response.json as {
      error: {
        message: string;
        data: { code: string; issues?: { path: string; message: string }[] } & Record<
          string,
          unknown
        >;
      };
    }
  ).error;
}

export interface TokenSetBody {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  account: { id: string; email: string; name: string; roles: string[]; emailVerified: boolean };
}

let counter = 0;
/** An email no other test uses. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.test`;
}

export const goodPassword = 'correct horse battery staple';
