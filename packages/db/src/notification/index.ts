import { type Connection } from 'mongoose';
import { messageModel } from './message-model';

export * from './message-model';

/** The notification domain's models, bound to the notifications database connection. */
export function notificationModels(connection: Connection) {
  return { Message: messageModel(connection) };
}
export type NotificationModels = ReturnType<typeof notificationModels>;
