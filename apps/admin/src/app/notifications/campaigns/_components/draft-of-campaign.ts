import 'server-only';
import { minorToDecimalString } from '@shop/money';
import type { StaffSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { emailLanguageOf } from '../../_components/email-languages';
import { newBlockKey, type BlockDraft, type CampaignDraft } from './campaign-draft';
import type { CampaignView } from './campaign-status';

/**
 * The composer's draft of a saved campaign. Product blocks store ids only, so their names are
 * read from the catalogue (a product that is gone, or a role without catalog:read, shows its id).
 */
export async function draftOfCampaign(
  session: StaffSession,
  campaign: CampaignView,
): Promise<CampaignDraft> {
  const ids = [
    ...new Set(
      campaign.blocks.flatMap((block) => (block.type === 'products' ? block.productIds : [])),
    ),
  ];
  const names = new Map<string, string>();
  if (session.permissions.has('catalog:read')) {
    const product = cellsAs(session).product;
    const found = await Promise.all(
      ids.map((id) => callCell(({ signal }) => product.byId.query({ id }, { signal }))),
    );
    found.forEach((answer, at) => {
      if (answer.ok) names.set(ids[at]!, answer.data.name);
    });
  }
  const blocks = campaign.blocks.map((block): BlockDraft => {
    const key = newBlockKey();
    switch (block.type) {
      case 'heading':
        return { key, type: 'heading', text: block.text, level: block.level };
      case 'text':
        return { key, type: 'text', text: block.text };
      case 'image':
        return { key, type: 'image', url: block.url, alt: block.alt, href: block.href ?? '' };
      case 'products':
        return {
          key,
          type: 'products',
          products: block.productIds.map((id) => ({ id, name: names.get(id) ?? `Product ${id}` })),
        };
      case 'button':
        return { key, type: 'button', label: block.label, href: block.href };
    }
  });
  const { audience } = campaign;
  return {
    name: campaign.name,
    subject: campaign.subject,
    preheader: campaign.preheader ?? '',
    language: emailLanguageOf(campaign.language) ?? 'en',
    blocks,
    audience: {
      kind: audience.kind,
      categoryId: audience.kind === 'boughtFromCategory' ? audience.categoryId : '',
      days: audience.kind === 'noOrderInDays' ? String(audience.days) : '90',
      amount:
        audience.kind === 'lifetimeValueAbove'
          ? minorToDecimalString(audience.amount, audience.currency)
          : '',
    },
  };
}
