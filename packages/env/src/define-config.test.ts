import { expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, defineConfig } from './define-config';
import { flag, integer, isProduction, port, text, url } from './values';

const config = defineConfig({
  processName: 'example',
  schema: z.object({
    PORT: port(4000),
    GRACE_MS: integer(10_000),
    PUBLIC_URL: url(),
    NAME: text(),
    SWITCH: flag(),
  }),
  rules: (env) =>
    isProduction(env) && !env.PUBLIC_URL ? ['PUBLIC_URL: required in production'] : [],
  source: () => ({}),
});

it('applies defaults and treats empty values as unset', () => {
  expect(config.parse({ PORT: '', NAME: '  shop ', SWITCH: '1' })).toEqual({
    PORT: 4000,
    GRACE_MS: 10_000,
    PUBLIC_URL: undefined,
    NAME: 'shop',
    SWITCH: true,
  });
  expect(config.parse({ SWITCH: 'off' }).SWITCH).toBe(false);
});

it('lists every problem at once, the schema and the rules together', () => {
  let error: unknown;
  try {
    config.parse({
      NODE_ENV: 'production',
      PORT: 'eighty',
      GRACE_MS: '10s',
      PUBLIC_URL: '',
      SWITCH: 'maybe',
    });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const { message, problems } = error as ConfigError;
  expect(problems).toHaveLength(4);
  expect(message).toMatch(/^example: the environment is not usable \(4 problems\)/);
  expect(message).toContain('PORT: must be a whole number');
  expect(message).toContain('GRACE_MS: must be a whole number');
  expect(message).toContain('SWITCH: must be 1 or 0');
  expect(message).toContain('PUBLIC_URL: required in production');
});

it('parses once and caches until reset', () => {
  let reads = 0;
  const counted = defineConfig({
    processName: 'counted',
    schema: z.object({ NAME: text() }),
    source: () => {
      reads += 1;
      return { NAME: `read ${reads}` };
    },
  });
  expect(counted().NAME).toBe('read 1');
  expect(counted().NAME).toBe('read 1');
  counted.reset();
  expect(counted().NAME).toBe('read 2');
});
