import { refuseGetOfCredentialsCallback } from '@shop/auth-session/auth-route-methods';
import NextAuth from 'next-auth';
import { authOptions } from '@/auth/auth-options';

// next-auth's endpoints (/api/auth/signin, /callback/credentials, /session, /signout, /csrf).
const handler = NextAuth(authOptions);

export const dynamic = 'force-dynamic';
export const GET = refuseGetOfCredentialsCallback(handler);
export { handler as POST };
