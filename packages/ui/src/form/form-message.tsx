import { Notice } from '../notice';
import type { FormState } from './form-state';

/** The form-wide outcome: an alert on failure, a polite status on success. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message || state.status === 'idle') return null;
  return (
    <div tabIndex={-1} data-form-message className="focus:outline-none">
      <Notice
        tone={state.status === 'error' ? 'danger' : 'success'}
        title={state.message}
        data-testid={`form-${state.status}`}
      />
    </div>
  );
}
