import { staffAlertKinds } from '@shop/db/notification';
import { z } from 'zod';
import { EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';

/**
 * A staff alert by email, to staff who asked for its kind (admin > Notifications). Sent to staff,
 * not customers; says what happened and where to look, nothing more.
 */
export const staffAlertEmail = defineEmailTemplate({
  id: 'staff-alert',
  kind: 'transactional',
  props: z.object({
    kind: z.enum(staffAlertKinds),
    title: z.string().min(1).max(200),
    detail: z.string().max(1000),
  }),
  subject: ({ title }) => `[Shop staff alert] ${title}`,
  render: ({ title, detail }, context) => (
    <EmailLayout preview={title} context={context}>
      <EmailHeading>{title}</EmailHeading>
      {detail ? <EmailText>{detail}</EmailText> : null}
      <EmailText muted>
        Open the back office, Notifications, to see every alert and mark it read. You get this email
        because you subscribed to this kind of alert there.
      </EmailText>
    </EmailLayout>
  ),
});
