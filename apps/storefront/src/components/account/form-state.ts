export { idleForm, type FormState } from '@shop/auth-session/form-state';
