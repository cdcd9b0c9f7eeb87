export { logOut } from '@shop/auth-session/auth-cell';
