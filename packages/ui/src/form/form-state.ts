/**
 * What a form's server action answers: a message for the whole form and/or one error per field
 * (shown next to that field). Passwords are never echoed back.
 */
export interface FormState {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: Partial<Record<string, string>>;
}

export const idleForm: FormState = { status: 'idle' };
