export {
  ConfigError,
  defineConfig,
  exitOnConfigError,
  resetAllConfigs,
  type ConfigAccessor,
  type Env,
} from './define-config';
export * as envValue from './values';
