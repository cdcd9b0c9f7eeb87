/**
 * For vitest setup files only. Tests change `process.env` between (and inside) tests and start
 * hosts in-process; the config modules parse once and cache. This wraps `process.env` so that any
 * assignment or deletion forgets every parsed configuration, and the next read sees the change,
 * as the code that read `process.env` directly did. Child processes and Node itself still see
 * the real environment (the wrapped object is the real one).
 */
import { resetAllConfigs } from './define-config';

const installedKey = Symbol.for('@shop/env/follows-process-env');
const holder = globalThis as { [installedKey]?: boolean };

if (!holder[installedKey]) {
  holder[installedKey] = true;
  const real = process.env;
  process.env = new Proxy(real, {
    set(target, name, value: unknown) {
      const done = Reflect.set(target, name, value);
      resetAllConfigs();
      return done;
    },
    deleteProperty(target, name) {
      const done = Reflect.deleteProperty(target, name);
      resetAllConfigs();
      return done;
    },
  });
}
