import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { TestModeBannerView } from './test-mode-banner';

it('shows a visible test-mode banner when payment.config says testMode', () => {
  const html = renderToStaticMarkup(createElement(TestModeBannerView, { testMode: true }));
  expect(html).toContain('role="status"');
  expect(html).toContain('Test mode: payments are simulated and no card is charged.');
});

it('shows nothing when real payments are taken', () => {
  expect(renderToStaticMarkup(createElement(TestModeBannerView, { testMode: false }))).toBe('');
});
