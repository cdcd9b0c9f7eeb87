import { type Connection } from 'mongoose';
import { accountModel } from './account-model';
import { knownDeviceModel } from './known-device-model';
import { loginFailureCounterModel } from './login-failure-counter-model';
import { oneTimeTokenModel } from './one-time-token-model';
import { refreshTokenModel } from './refresh-token-model';
import { signingKeyModel } from './signing-key-model';

export * from './roles';
export * from './account-model';
export * from './signing-key-model';
export * from './refresh-token-model';
export * from './one-time-token-model';
export * from './login-failure-counter-model';
export * from './known-device-model';

/** The auth domain's models, bound to the auth database connection. */
export function authModels(connection: Connection) {
  return {
    Account: accountModel(connection),
    SigningKey: signingKeyModel(connection),
    RefreshToken: refreshTokenModel(connection),
    OneTimeToken: oneTimeTokenModel(connection),
    LoginFailureCounter: loginFailureCounterModel(connection),
    KnownDevice: knownDeviceModel(connection),
  };
}
export type AuthModels = ReturnType<typeof authModels>;
