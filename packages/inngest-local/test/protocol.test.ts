import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventIdsFromSeed } from '../src/ids/event-id-seed';
import { ulidTime } from '../src/ids/ulid';
import { canonicalJson } from '../src/protocol/canonical-json';
import { hashSigningKey, signRequestBody } from '../src/protocol/signing';
import { parseDurationMs, parseRetryAfterMs, resolveDeadline } from '../src/protocol/time-string';

describe('wire helpers', () => {
  it('parses Inngest time strings and ISO dates', () => {
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('1.5s')).toBe(1_500);
    expect(parseDurationMs('2d')).toBe(172_800_000);
    expect(parseDurationMs('300ms')).toBe(300);
    expect(parseDurationMs('soon')).toBeUndefined();
    expect(resolveDeadline('2030-01-01T00:00:00.000Z', 0).toISOString()).toBe(
      '2030-01-01T00:00:00.000Z',
    );
    expect(() => resolveDeadline('whenever', 0)).toThrow(/not a time string/);
    expect(parseRetryAfterMs('2', 0)).toBe(2_000);
    expect(parseRetryAfterMs(new Date(5_000).toISOString(), 1_000)).toBe(4_000);
    // Kept between 1 s and 24 h, as the engine does.
    expect(parseRetryAfterMs('0', 0)).toBe(1_000);
    expect(parseRetryAfterMs(String(3 * 24 * 3600), 0)).toBe(24 * 3600_000);
  });

  it('canonicalises JSON as RFC 8785 (sorted keys, no whitespace)', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: 1.5, u: undefined })).toBe(
      '{"a":1.5,"b":[1,{"c":"x","d":null}]}',
    );
  });

  it('signs bodies as HMAC-SHA256 of body + timestamp keyed with the unprefixed key', () => {
    const key = `signkey-prod-${'ab'.repeat(32)}`;
    const signature = signRequestBody('{"a":1}', key, 1_700_000_000_000);
    const expected = createHmac('sha256', 'ab'.repeat(32))
      .update('{"a":1}1700000000')
      .digest('hex');
    expect(signature).toBe(`t=1700000000&s=${expected}`);
    expect(hashSigningKey(key)).toMatch(/^signkey-prod-[0-9a-f]{64}$/);
  });

  it('derives stable, distinct event ids from the SDK id seed', () => {
    const seed = `1700000000000,${Buffer.alloc(10, 255).toString('base64')}`;
    const ids = eventIdsFromSeed(seed, 3) ?? [];
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(eventIdsFromSeed(seed, 3)).toEqual(ids);
    expect(ulidTime(ids[0] ?? '')).toBe(1_700_000_000_000);
    expect(eventIdsFromSeed('garbage', 1)).toBeUndefined();
  });
});
