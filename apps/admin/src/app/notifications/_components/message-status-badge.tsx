import { Badge, type BadgeTone } from '@shop/ui';

const tones: Record<string, BadgeTone> = {
  queued: 'info',
  sent: 'success',
  failed: 'danger',
  bounced: 'warning',
};

/** A message's delivery status, coloured and in words (never colour alone). */
export function MessageStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={tones[status] ?? 'neutral'} dot>
      {status[0]?.toUpperCase()}
      {status.slice(1)}
    </Badge>
  );
}
