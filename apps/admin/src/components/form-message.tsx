export { FormMessage } from '@shop/auth-session/client/form-message';
