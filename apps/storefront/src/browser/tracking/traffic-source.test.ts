import { describe, expect, it } from 'vitest';
import { trafficSourceOf } from './traffic-source';

describe('a session’s traffic source', () => {
  it('prefers the UTM medium, then the kind of referrer', () => {
    expect(trafficSourceOf('www.google.com', 'email', 'shop.test')).toBe('email');
    expect(trafficSourceOf(undefined, 'cpc', 'shop.test')).toBe('campaign');
    expect(trafficSourceOf('www.google.com', undefined, 'shop.test')).toBe('search');
    expect(trafficSourceOf('www.instagram.com', undefined, 'shop.test')).toBe('social');
    expect(trafficSourceOf('blog.example.com', undefined, 'shop.test')).toBe('referral');
    expect(trafficSourceOf('shop.test', undefined, 'shop.test')).toBe('direct');
    expect(trafficSourceOf(undefined, undefined, 'shop.test')).toBe('direct');
  });
});
