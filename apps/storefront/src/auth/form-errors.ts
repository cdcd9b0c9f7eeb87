export { formStateFromError, type ErrorMapping } from '@shop/auth-session/form-errors';
