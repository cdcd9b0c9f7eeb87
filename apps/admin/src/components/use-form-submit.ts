export { useFormSubmit } from '@shop/auth-session/client/use-form-submit';
