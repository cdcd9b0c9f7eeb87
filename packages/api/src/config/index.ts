export {
  cellServiceTokenRule,
  cellUrlVariables,
  commonConfig,
  commonRules,
  commonShape,
} from './common';
export {
  allowedOriginsFrom,
  appServerConfig,
  appServerRules,
  appServerShape,
  sessionSecretFrom,
} from './app-server';
export { hostConfig, hostEnv, hostRules, hostShape, type HostConfig } from './host';
export { ConfigError } from '@shop/env';
