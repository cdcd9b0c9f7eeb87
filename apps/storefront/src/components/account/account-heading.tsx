import type { SessionFields } from '@shop/auth-session/session-token';

/** The account area's page heading: who is signed in. */
export function AccountHeading({ session }: { session: SessionFields }) {
  return (
    <header className="mb-2">
      <p className="text-sm font-medium text-accent-700">Your account</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
        Hello, {session.account.name}
      </h1>
      <p className="mt-1 text-sm text-ink-muted">{session.account.email}</p>
    </header>
  );
}
