import type { SessionAccount, SessionFields, TokenSet } from './session-token';

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
  // Module augmentation merges into next-auth's JWT: it has to be an interface, empty here.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JWT extends Partial<SessionFields> {}
}
