// The form kit both apps' forms share: what a server action answers (FormState), how a cell's
// refusal becomes that answer, and the client pieces that submit a form and show the outcome.
export { formStateFromError, type ErrorMapping } from './form-errors';
export { FormMessage } from './form-message';
export { idleForm, type FormState } from './form-state';
export { SubmitButton, type SubmitButtonProps } from './submit-button';
export { useFormSubmit } from './use-form-submit';
