import type { HTMLAttributes, ReactNode } from 'react';
import { classNames } from './class-names';

/** A white, bordered surface that groups related content. */
export function Card({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={classNames('rounded-card border border-line bg-surface shadow-card', className)}
      {...rest}
    />
  );
}

export interface CardHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  /** The heading level that fits the page outline; cards inside a page section are usually h2. */
  as?: 'h2' | 'h3';
  id?: string;
}

/** A card's title row: a real heading (so the page outline names the card) and an optional action. */
export function CardHeader({
  title,
  description,
  action,
  as: Heading = 'h2',
  id,
}: CardHeaderProps) {
  return (
    <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
      <div className="min-w-0">
        <Heading id={id} className="text-base font-semibold text-ink">
          {title}
        </Heading>
        {description ? <p className="mt-0.5 text-sm text-ink-muted">{description}</p> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={classNames('px-5 py-4', className)} {...rest} />;
}
