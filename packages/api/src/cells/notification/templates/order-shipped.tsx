import { z } from 'zod';
import { Link } from '@react-email/components';
import { brand } from './brand';
import { EmailAction, EmailHeading, EmailLayout, EmailText } from './email-layout';
import { defineEmailTemplate } from './email-template';
import { orderVariables } from './order-variables';
import { orderLink } from './order-links';
import { greeting, orderRef } from './order-props';
import { DetailList } from './order-summary';

/** On its way: the carrier, the tracking number and, when the carrier has one, its tracking page. */
export const orderShippedEmail = defineEmailTemplate({
  id: 'order-shipped',
  kind: 'transactional',
  props: orderRef.extend({
    carrier: z.string().min(1),
    trackingNumber: z.string().min(1),
    /** Typed by staff: anything but an http(s) URL is left out rather than failing the email. */
    trackingUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .catch(undefined),
  }),
  subject: ({ number }) => `Order ${number} is on its way`,
  editable: orderVariables,
  render: (order, context) => (
    <EmailLayout
      preview={`${order.carrier} is bringing your order ${order.number}.`}
      context={context}
    >
      <EmailHeading>Your order is on its way</EmailHeading>
      <EmailText>
        {greeting(order.name)} order {order.number} has left our warehouse with {order.carrier}.
      </EmailText>
      <DetailList
        items={[
          ['Carrier', order.carrier],
          ['Tracking number', order.trackingNumber],
        ]}
      />
      {order.trackingUrl ? (
        <EmailAction href={order.trackingUrl}>Track your parcel</EmailAction>
      ) : null}
      <EmailText muted>
        The order and its status are also on{' '}
        <Link href={orderLink(context.storefrontUrl, order)} style={{ color: brand.accent }}>
          your order page
        </Link>
        .
      </EmailText>
    </EmailLayout>
  ),
});
