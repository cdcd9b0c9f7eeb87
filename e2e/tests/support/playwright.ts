/**
 * The suite's Playwright: `@playwright/test` with every page of the test's browser context
 * watched for Content-Security-Policy violations. A violation (a script, style, frame or
 * connection the page's policy refused) fails the test that caused it, naming what was refused
 * on which page, so a page that the policy breaks cannot pass unnoticed
 * (docs/security/browser.md). Specs import `test` and `expect` from here instead of
 * '@playwright/test'; a context a spec opens itself (`browser.newContext()`) is watched by
 * calling `watchForCspViolations` on it. Each test also takes its turn on the one platform the
 * two workers share (`runsAlone`, platform-turn.ts).
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { takeSharedTurn, takeTurnAlone, turnWaitLimitMs } from './platform-turn';

export * from '@playwright/test';

export interface CspViolation {
  page: string;
  what: string;
}

/** The suite's own options, set by a spec (`test.use`) or a project (`use` in the config). */
export interface ShopTestOptions {
  /** Set by a spec that provokes violations on purpose (`test.use({ cspViolationsAllowed: true })`). */
  cspViolationsAllowed: boolean;
  /**
   * The shopper already answered the storefront's analytics consent banner (default), so the
   * banner, which floats over the page bottom, covers nothing a spec clicks. The consent spec
   * sets it false.
   */
  analyticsConsentAnswered: boolean;
  /**
   * Nothing else may run while this test does: it reads a whole-shop count or uses up the one
   * client's rate limit. Set for the `-alone` projects of playwright.config.ts.
   */
  runsAlone: boolean;
}

interface ShopFixtures extends ShopTestOptions {
  /** Violations seen so far in this test (a spec may read them). */
  cspViolations: CspViolation[];
  /** This test's turn on the one platform, shared or alone (platform-turn.ts). */
  platformTurn: void;
}

const bindingName = '__shopReportCspViolation';

/** Records every CSP violation of every page (and frame) of `context` into `into`. */
export async function watchForCspViolations(
  context: BrowserContext,
  into: CspViolation[],
): Promise<void> {
  // The browser's own event, from inside each document, as it happens.
  await context.exposeBinding(bindingName, ({ frame }, what: string) => {
    into.push({ page: frame.url(), what });
  });
  await context.addInitScript((name: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (what: string) => void>)[name];
      report?.(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'}` +
          (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : ''),
      );
    });
  }, bindingName);
  // And Chromium's console line ("Refused to ... Content Security Policy ..."), which also
  // covers refusals before any script of the page ran.
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      into.push({ page: message.page()?.url() ?? 'unknown page', what: message.text() });
    }
  });
}

export const test = base.extend<ShopFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  cspViolations: async ({}, use) => {
    await use([]);
  },
  cspViolationsAllowed: [false, { option: true }],
  analyticsConsentAnswered: [true, { option: true }],
  runsAlone: [false, { option: true }],
  platformTurn: [
    async ({ runsAlone }, use, testInfo) => {
      // Waiting for the turn is not the test's time: the timeout is lifted while waiting, then
      // set to the test's own plus the wait.
      const { timeout } = testInfo;
      const asked = Date.now();
      if (timeout > 0) testInfo.setTimeout(timeout + turnWaitLimitMs);
      const giveBack = runsAlone ? await takeTurnAlone() : await takeSharedTurn();
      if (timeout > 0) testInfo.setTimeout(timeout + (Date.now() - asked));
      try {
        await use();
      } finally {
        await giveBack();
      }
    },
    { auto: true },
  ],
  context: async (
    { context, cspViolations, cspViolationsAllowed, analyticsConsentAnswered },
    use,
  ) => {
    await watchForCspViolations(context, cspViolations);
    if (analyticsConsentAnswered) {
      await context.addCookies([
        {
          name: 'shop_analytics_consent',
          value: 'denied',
          url: `http://127.0.0.1:${process.env.STOREFRONT_PORT ?? 3200}`,
        },
      ]);
    }
    await use(context);
    if (!cspViolationsAllowed && cspViolations.length > 0) {
      throw new Error(
        `The Content-Security-Policy refused something on ${cspViolations.length === 1 ? 'a page' : 'pages'} of this test:\n` +
          cspViolations.map((violation) => `  ${violation.page}: ${violation.what}`).join('\n'),
      );
    }
  },
});
