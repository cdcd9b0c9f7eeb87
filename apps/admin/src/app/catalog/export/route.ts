import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

export const dynamic = 'force-dynamic';

/**
 * Every product and variant with stock as a CSV download (docs/back-office.md § CSV). The cell
 * checks `catalog:read` too; this answers 403 before asking it.
 */
export async function GET(): Promise<Response> {
  const session = await currentSession();
  if (!session) return new Response('Sign in first.', { status: 401 });
  if (!session.permissions.has('catalog:read')) {
    return new Response('Your role may not read the catalogue.', { status: 403 });
  }
  const { fileName, text } = await cellsAs(session).product.exportProductsCsv.query();
  return new Response(text, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
