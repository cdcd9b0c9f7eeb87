import { z } from 'zod';
import { blockTexts } from './editable-text';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';

const blocks = {
  heading: { label: 'Heading', text: 'Welcome, {{name}}!' },
  intro: {
    label: 'Introduction',
    text: 'Your account is ready. Your basket, your addresses and your orders now follow you on every device you sign in on.',
  },
  action: { label: 'Button', text: 'Start shopping' },
  closing: {
    label: 'Closing note',
    text: 'Did not sign up? Someone may have used your address by mistake; you can ignore this email.',
  },
};
// Accounts may have no name: "Welcome, there!" reads better than "Welcome, !".
const values = ({ name }: { name: string }) => ({ name: name || 'there' });

/** Sent once per account, after sign-up. */
export const welcomeEmail = defineEmailTemplate({
  id: 'welcome',
  kind: 'transactional',
  props: z.object({ name: z.string() }),
  subject: () => 'Welcome to Shop',
  editable: { blocks, variables: ['name'], values },
  render: (props, context) => {
    const text = blockTexts(blocks, context, values(props));
    return (
      <EmailLayout preview="Your account is ready." context={context}>
        <EmailHeading>{text.heading}</EmailHeading>
        <EmailText>{text.intro}</EmailText>
        <EmailAction href={context.storefrontUrl}>{text.action}</EmailAction>
        <EmailText muted>{text.closing}</EmailText>
      </EmailLayout>
    );
  },
});
