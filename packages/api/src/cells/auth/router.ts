import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { authedProcedure, permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  changePasswordInput,
  deleteAccountInput,
  listStaffInput,
  loginInput,
  logoutInput,
  refreshInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  serviceTokenInput,
  setRolesInput,
  verifyEmailInput,
} from './inputs';
import { changePassword, deleteAccount } from './procedures/account';
import {
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from './procedures/recovery';
import { serviceToken } from './procedures/service';
import { login, logout, logoutEverywhere, me, refresh, register } from './procedures/session';
import { listStaff, rotateSigningKey, setRoles } from './procedures/staff';

/** `auth.*`: sessions, recovery by email, the caller's account, staff management, services. */
export const authRouter = router({
  status: statusProcedure('auth'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('auth'),

  // Sessions (procedures/session.ts)
  register: publicProcedure.input(registerInput).mutation(register),
  login: publicProcedure.input(loginInput).mutation(login),
  refresh: publicProcedure.input(refreshInput).mutation(refresh),
  logout: publicProcedure.input(logoutInput).mutation(logout),
  logoutEverywhere: authedProcedure.mutation(logoutEverywhere),
  me: authedProcedure.query(me),

  // Recovery by email (procedures/recovery.ts)
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(requestPasswordReset),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(resetPassword),
  requestEmailVerification: authedProcedure.mutation(requestEmailVerification),
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(verifyEmail),

  // The caller's account (procedures/account.ts)
  changePassword: authedProcedure.input(changePasswordInput).mutation(changePassword),
  deleteAccount: authedProcedure.input(deleteAccountInput).mutation(deleteAccount),

  // Staff (procedures/staff.ts)
  listStaff: permissionProcedure('accounts:manage').input(listStaffInput).query(listStaff),
  setRoles: permissionProcedure('accounts:manage').input(setRolesInput).mutation(setRoles),
  rotateSigningKey: permissionProcedure('accounts:manage').mutation(rotateSigningKey),

  // Services (procedures/service.ts)
  serviceToken: publicProcedure.input(serviceTokenInput).mutation(serviceToken),
});
