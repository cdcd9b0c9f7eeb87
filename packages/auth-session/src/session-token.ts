import type { Role } from '@shop/api/client';

/** The signed-in account as the auth cell describes it. */
export interface SessionAccount {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  emailVerified: boolean;
}

/** What `auth.login`, `auth.register` and `auth.refresh` answer. */
export interface TokenSet {
  accessToken: string;
  /** ISO 8601. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  /** ISO 8601. */
  refreshTokenExpiresAt: string;
  account: SessionAccount;
}

/**
 * What the app keeps in its next-auth JWT (an encrypted, http-only cookie): the auth cell's
 * tokens and when they expire (epoch milliseconds). Only the account reaches browser code.
 */
export interface SessionFields {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
  account: SessionAccount;
  /** Set once a refresh is refused: the session is over and the user must sign in again. */
  error?: 'RefreshFailed';
}

export function sessionFieldsFrom(tokens: TokenSet): SessionFields {
  return {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: Date.parse(tokens.accessTokenExpiresAt),
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: Date.parse(tokens.refreshTokenExpiresAt),
    account: tokens.account,
  };
}

/** True when a decoded JWT carries usable session fields (and was not ended by a refusal). */
export function isLiveSession(
  token: Partial<SessionFields> | null | undefined,
): token is SessionFields {
  return Boolean(token?.accessToken && token.refreshToken && token.account && !token.error);
}

/** The session lasts as long as the refresh token could (the auth cell's 7 days). */
export const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;

// What next-auth's own types carry in both apps (module augmentation: it applies wherever this
// file is part of the program, which every user of the session fields is).
declare module 'next-auth' {
  /** What the browser may see: the account, never the tokens. */
  interface Session {
    account?: SessionAccount;
    error?: SessionFields['error'];
  }
  /** What the credentials provider's `authorize` hands to the `jwt` callback. */
  interface User {
    tokens?: TokenSet;
  }
}

declare module 'next-auth/jwt' {
  // Module augmentation merges into next-auth's JWT: it has to be an interface.
  interface JWT extends Partial<SessionFields> {
    /** The app that sealed the session (session-seal.ts); another app's session opens nothing. */
    aud?: string;
  }
}
