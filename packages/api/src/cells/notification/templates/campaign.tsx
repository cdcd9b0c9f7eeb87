import { Column, Heading, Img, Link, Row, Section, Text } from '@react-email/components';
import { formatMoney } from '@shop/money';
import { z } from 'zod';
import { campaignBlocks, type CampaignBlock } from '../campaigns/inputs';
import type { ProductCard } from '../campaigns/product-cards';
import { brand } from './brand';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate, type EmailContext } from './email-template';

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * A staff-composed campaign: its blocks, in order, in the shared layout with the legal footer
 * and the visible unsubscribe link. The blocks are checked again here (the same schema as the
 * composer's input), so nothing stored or sent skips the http(s)-only and plain-text rules;
 * React escapes all text. Product cards come from the catalogue at render time.
 */
const campaignProps = z.object({
  subject: z.string().min(1).max(200),
  preheader: z.string().max(200).nullish(),
  blocks: campaignBlocks,
  products: z.record(
    z.string(),
    z.object({
      id: z.string(),
      name: z.string(),
      imageUrl: httpUrl.nullable(),
      imageAlt: z.string(),
      priceMinor: z.number().int().min(0),
      currency: z.string().length(3),
      href: httpUrl,
    }),
  ),
  /** A test send to the staff member who composed it: says so at the top. */
  test: z.boolean().default(false),
});
export type CampaignEmailProps = z.input<typeof campaignProps>;

function TextBlock({ text }: { text: string }) {
  return text
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph, index) => (
      <EmailText key={index}>
        {paragraph.split('\n').flatMap((line, at) => (at === 0 ? [line] : [<br key={at} />, line]))}
      </EmailText>
    ));
}

function ProductCards({ cards }: { cards: ProductCard[] }) {
  const rows: ProductCard[][] = [];
  for (let at = 0; at < cards.length; at += 2) rows.push(cards.slice(at, at + 2));
  return (
    <Section style={{ margin: '0 0 16px' }}>
      {rows.map((row, index) => (
        <Row key={index}>
          {row.map((card) => (
            <Column key={card.id} style={{ width: '50%', padding: '8px', verticalAlign: 'top' }}>
              <Link href={card.href} style={{ color: brand.ink, textDecoration: 'none' }}>
                {card.imageUrl ? (
                  <Img
                    src={card.imageUrl}
                    alt={card.imageAlt}
                    width="100%"
                    style={{ borderRadius: brand.radiusControl, maxWidth: '100%' }}
                  />
                ) : null}
                <Text style={{ fontSize: '15px', fontWeight: 600, margin: '8px 0 2px' }}>
                  {card.name}
                </Text>
                <Text style={{ fontSize: '14px', color: brand.inkMuted, margin: 0 }}>
                  {formatMoney(card.priceMinor, card.currency)}
                </Text>
              </Link>
            </Column>
          ))}
        </Row>
      ))}
    </Section>
  );
}

function Block({
  block,
  products,
}: {
  block: CampaignBlock;
  products: Record<string, ProductCard>;
}) {
  switch (block.type) {
    case 'heading':
      return block.level === 1 ? (
        <EmailHeading>{block.text}</EmailHeading>
      ) : (
        <Heading
          as="h2"
          style={{ color: brand.ink, fontSize: '18px', lineHeight: '26px', margin: '0 0 12px' }}
        >
          {block.text}
        </Heading>
      );
    case 'text':
      return <TextBlock text={block.text} />;
    case 'image': {
      const image = (
        <Img
          src={block.url}
          alt={block.alt}
          width="100%"
          style={{ borderRadius: brand.radiusControl, maxWidth: '100%' }}
        />
      );
      return (
        <Section style={{ margin: '0 0 16px' }}>
          {block.href ? <Link href={block.href}>{image}</Link> : image}
        </Section>
      );
    }
    case 'products': {
      const cards = block.productIds.flatMap((id) => products[id] ?? []);
      return cards.length > 0 ? <ProductCards cards={cards} /> : null;
    }
    case 'button':
      return <EmailAction href={block.href}>{block.label}</EmailAction>;
  }
}

function render(props: z.output<typeof campaignProps>, context: EmailContext) {
  return (
    <EmailLayout preview={props.preheader || props.subject} context={context} marketing>
      {props.test ? (
        <Text
          style={{
            backgroundColor: brand.accentSoft,
            borderRadius: brand.radiusControl,
            color: brand.ink,
            fontSize: '13px',
            margin: '0 0 16px',
            padding: '8px 12px',
          }}
        >
          Test send: only you got this. The unsubscribe link below is not yours to use.
        </Text>
      ) : null}
      {props.blocks.map((block, index) => (
        <Block key={index} block={block} products={props.products} />
      ))}
    </EmailLayout>
  );
}

/** A campaign to one subscriber (marketing: consent, suppression and one-click unsubscribe). */
export const campaignEmail = defineEmailTemplate({
  id: 'campaign',
  kind: 'marketing',
  writtenPerSend: true,
  props: campaignProps,
  subject: (props) => props.subject,
  render,
});

/**
 * The same email as a test to the staff member sending it, to their own address only: not
 * marketing to them (no consent needed), marked as a test in the subject and at the top.
 */
export const campaignTestEmail = defineEmailTemplate({
  id: 'campaign-test',
  kind: 'transactional',
  writtenPerSend: true,
  props: campaignProps,
  subject: (props) => `[Test] ${props.subject}`,
  render,
});
