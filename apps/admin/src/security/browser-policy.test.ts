import { describe, expect, it } from 'vitest';
import { adminPolicyKind } from './browser-policy';

describe('the back office’s policy per path', () => {
  it('gives every page the nonce policy, the 403 and 404 pages included', () => {
    for (const path of ['/', '/orders/abc', '/staff', '/no-staff-access', '/sign-in', '/nope']) {
      expect(adminPolicyKind(path), path).toBe('rendered-page');
    }
  });

  it('gives the gateway, reports and the probe the data policy, next-auth’s pages their own', () => {
    for (const path of ['/api/cells/order/order.get', '/api/csp-report', '/healthz', '/icon.svg']) {
      expect(adminPolicyKind(path), path).toBe('data');
    }
    expect(adminPolicyKind('/api/auth/signout')).toBe('cached-page');
  });

  it('gives the campaign preview frame, and only it, the framed-email policy', () => {
    expect(adminPolicyKind('/notifications/campaigns/preview-frame')).toBe('framed-email');
    expect(adminPolicyKind('/notifications/campaigns/preview-frame/x')).toBe('rendered-page');
    expect(adminPolicyKind('/notifications/campaigns/new')).toBe('rendered-page');
  });
});
