import { Button, type ButtonProps } from '../button';

export type SubmitButtonProps = ButtonProps & { pending: boolean; pendingLabel: string };

/** A submit button that says what is happening while its form is being sent. */
export function SubmitButton({ pending, pendingLabel, children, ...rest }: SubmitButtonProps) {
  return (
    <Button type="submit" disabled={pending} {...rest}>
      {pending ? (
        <>
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
