export { SubmitButton } from '@shop/auth-session/client/submit-button';
