import NextAuth from 'next-auth';
import { authOptions } from '@/auth/auth-options';

// next-auth's endpoints (/api/auth/signin, /callback/credentials, /session, /signout, /csrf).
const handler = NextAuth(authOptions);

export const dynamic = 'force-dynamic';
export { handler as GET, handler as POST };
