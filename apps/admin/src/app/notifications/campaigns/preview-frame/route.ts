import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { contentDraftSchema } from '../_components/campaign-draft-schema';
import { campaignContentOf, type CampaignContent } from '../_components/campaign-input';

export const dynamic = 'force-dynamic';

/**
 * The campaign email itself, as a document of its own for the composer's preview frame (POST:
 * the unsaved draft, posted by the composer into the frame) and the sent campaign's page (GET
 * `?id=`). It is served with the `framed-email` policy (security/browser-policy.ts): sandboxed,
 * no script, framed by this app only, pictures from anywhere. So the preview shows the real
 * images, which the admin's own pages (img-src 'self') would refuse inside a `srcdoc` frame.
 * The cell renders it (`previewCampaign`: a sample unsubscribe link) and checks the permission.
 */

const problemPage = (message: string, status: number) =>
  new Response(
    `<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Preview</title><body style="font: 14px system-ui, sans-serif; color: #57534e; padding: 16px">${message}</body></html>`,
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    },
  );

async function rendered(content: CampaignContent): Promise<Response> {
  const session = await currentSession();
  if (!session?.permissions.has('notifications:send')) {
    return problemPage('Your role does not give access to campaigns.', 403);
  }
  try {
    const preview = await cellsAs(session).notification.previewCampaign.mutate(content);
    return new Response(preview.html, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  } catch {
    return problemPage('The preview cannot be shown right now.', 502);
  }
}

/** The composer's unsaved draft (form field `draft`, JSON), from this app's own pages only. */
export async function POST(request: Request): Promise<Response> {
  // Browsers say where a form post came from; another site's is refused (the session cookie is
  // SameSite=Lax, so it would carry no session either).
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return problemPage('Not from this back office.', 403);
  const form = await request.formData().catch(() => null);
  const raw = form?.get('draft');
  let json: unknown = null;
  try {
    json = typeof raw === 'string' && raw.length <= 400_000 ? JSON.parse(raw) : null;
  } catch {
    json = null;
  }
  const draft = contentDraftSchema.safeParse(json);
  if (!draft.success) return problemPage('The form sent something unexpected.', 400);
  const content = campaignContentOf(draft.data);
  if (!content.ok) {
    return problemPage(
      'Fill in the subject and every block to see the preview (Save draft points at anything missing).',
      400,
    );
  }
  return rendered(content.value);
}

/** A saved campaign as it was (or will be) sent: `?id=` (the sent campaign's page). */
export async function GET(request: Request): Promise<Response> {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  if (!/^[0-9a-f]{24}$/.test(id)) return problemPage('No such campaign.', 404);
  const session = await currentSession();
  if (!session?.permissions.has('notifications:send')) {
    return problemPage('Your role does not give access to campaigns.', 403);
  }
  try {
    const campaign = await cellsAs(session).notification.getCampaign.query({ id });
    return rendered({
      subject: campaign.subject,
      ...(campaign.preheader ? { preheader: campaign.preheader } : {}),
      language: campaign.language,
      blocks: campaign.blocks,
    });
  } catch {
    return problemPage('This campaign cannot be shown right now.', 502);
  }
}
