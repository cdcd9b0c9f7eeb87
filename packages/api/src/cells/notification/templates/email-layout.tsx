import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';
import { brand } from './brand';
import type { EmailContext } from './email-template';

/**
 * The frame every email shares: the wordmark, a white card on the warm canvas, and a footer that
 * says why the mail came. Marketing mail adds the unsubscribe note; transactional mail must not.
 */
export function EmailLayout({
  preview,
  context,
  marketing = false,
  children,
}: {
  /** The line inboxes show next to the subject. */
  preview: string;
  context: EmailContext;
  marketing?: boolean;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: brand.canvas, fontFamily: brand.fontSans, margin: 0 }}>
        <Container style={{ maxWidth: '560px', margin: '0 auto', padding: '32px 16px' }}>
          <Section style={{ paddingBottom: '16px' }}>
            <Link
              href={context.storefrontUrl}
              style={{
                color: brand.ink,
                fontSize: '20px',
                fontWeight: 600,
                textDecoration: 'none',
              }}
            >
              <span
                style={{
                  display: 'inline-block',
                  width: '24px',
                  height: '24px',
                  borderRadius: '7px',
                  backgroundColor: brand.accent,
                  verticalAlign: 'middle',
                  marginRight: '8px',
                }}
              />
              <span style={{ verticalAlign: 'middle' }}>{brand.name}</span>
            </Link>
          </Section>
          <Section
            style={{
              backgroundColor: brand.surface,
              border: `1px solid ${brand.line}`,
              borderRadius: brand.radiusCard,
              padding: '32px',
            }}
          >
            {children}
          </Section>
          <Section style={{ padding: '16px 8px 0' }}>
            <Text style={footerText}>
              {marketing
                ? 'You get this email because you agreed to hear from us.'
                : 'You get this email because of something you did on your account; it is not marketing.'}
            </Text>
            {marketing ? (
              <Text style={footerText}>
                Do not want these?{' '}
                <Link
                  href={context.unsubscribeUrl ?? `${context.storefrontUrl}/account/preferences`}
                  style={{ color: brand.inkMuted }}
                >
                  Unsubscribe
                </Link>{' '}
                with one click, or change what we send in your account preferences.
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

const footerText = {
  color: brand.inkSubtle,
  fontSize: '12px',
  lineHeight: '18px',
  margin: '0 0 4px',
};

export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading
      as="h1"
      style={{
        color: brand.ink,
        fontSize: '22px',
        lineHeight: '30px',
        margin: '0 0 16px',
        fontWeight: 600,
      }}
    >
      {children}
    </Heading>
  );
}

export function EmailText({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return (
    <Text
      style={{
        color: muted ? brand.inkMuted : brand.ink,
        fontSize: muted ? '14px' : '16px',
        lineHeight: muted ? '22px' : '26px',
        margin: '0 0 16px',
      }}
    >
      {children}
    </Text>
  );
}

/** The one action of the email, with the URL repeated underneath for clients that hide buttons. */
export function EmailAction({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Button
        href={href}
        style={{
          backgroundColor: brand.accent,
          color: brand.onAccent,
          borderRadius: brand.radiusControl,
          fontSize: '16px',
          fontWeight: 600,
          padding: '12px 20px',
          textDecoration: 'none',
        }}
      >
        {children}
      </Button>
      <Text
        style={{ color: brand.inkSubtle, fontSize: '12px', lineHeight: '18px', margin: '12px 0 0' }}
      >
        Or paste this link into your browser:{' '}
        <Link href={href} style={{ color: brand.accent, wordBreak: 'break-all' }}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

export function EmailRule() {
  return <Hr style={{ borderColor: brand.line, margin: '24px 0' }} />;
}
