import { type Connection } from 'mongoose';
import { addressModel } from './address-model';
import { customerNoteModel } from './customer-note-model';
import { erasedAccountModel } from './erased-account-model';
import { profileModel } from './profile-model';

export * from './address-model';
export * from './customer-note-model';
export * from './erased-account-model';
export * from './preferences';
export * from './profile-model';

/** The user domain's models, bound to the users database connection. */
export function userModels(connection: Connection) {
  return {
    Profile: profileModel(connection),
    Address: addressModel(connection),
    ErasedAccount: erasedAccountModel(connection),
    CustomerNote: customerNoteModel(connection),
  };
}
export type UserModels = ReturnType<typeof userModels>;
