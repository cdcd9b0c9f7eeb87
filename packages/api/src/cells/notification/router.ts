import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { permissionProcedure } from '../../trpc/procedures';
import { router } from '../../trpc/init';
import { statusProcedure } from '../status';
import { getMessageInput, listMessagesInput, resendMessageInput } from './inputs';
import { getMessage, listMessages, resendMessage } from './procedures/messages';

/** The notification cell's procedures. */
export const notificationRouter = router({
  status: statusProcedure('notification'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('notification'),
  /**
   * Staff: sent, queued and failed emails, newest first. Behind `customers:read` because what it
   * shows is customers' addresses and what was sent to them, the question support answers
   * ("did my reset email go out?"); `notifications:send` is for sending, which this does not do.
   */
  listMessages: permissionProcedure('customers:read').input(listMessagesInput).query(listMessages),
  /** Staff (customers:read): one message, every attempt and the provider's answers. */
  getMessage: permissionProcedure('customers:read').input(getMessageInput).query(getMessage),
  /** Staff (notifications:send): send a failed transactional email again, once (audited). */
  resendMessage: permissionProcedure('notifications:send')
    .input(resendMessageInput)
    .mutation(resendMessage),
});
