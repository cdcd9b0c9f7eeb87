import { type Connection } from 'mongoose';
import { profileModel } from './profile-model';

export * from './profile-model';

/** The user domain's models, bound to the users database connection. */
export function userModels(connection: Connection) {
  return { Profile: profileModel(connection) };
}
export type UserModels = ReturnType<typeof userModels>;
