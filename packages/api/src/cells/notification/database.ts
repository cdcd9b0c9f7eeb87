import { notificationModels } from '@shop/db/notification';
import { domainDatabase } from '../domain-database';

/** notifications_db: only the notification cell opens it. */
export const notificationDatabase = domainDatabase('notification', notificationModels);
