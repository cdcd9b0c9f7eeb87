import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import AnalyticsLoading from '@/app/analytics/loading';
import AuditLoading from '@/app/audit/loading';
import ProductLoading from '@/app/catalog/[productId]/loading';
import CatalogLoading from '@/app/catalog/loading';
import Loading from '@/app/loading';
import CampaignsLoading from '@/app/notifications/campaigns/loading';
import OrderLoading from '@/app/orders/[orderId]/loading';
import OrdersLoading from '@/app/orders/loading';

const pages: [string, FunctionComponent, string][] = [
  ['/', Loading, 'Loading the page…'],
  ['/analytics', AnalyticsLoading, 'Loading analytics…'],
  ['/audit', AuditLoading, 'Loading the audit log…'],
  ['/catalog', CatalogLoading, 'Loading the catalogue…'],
  ['/catalog/[productId]', ProductLoading, 'Loading the product…'],
  ['/notifications/campaigns', CampaignsLoading, 'Loading campaigns…'],
  ['/orders', OrdersLoading, 'Loading orders…'],
  ['/orders/[orderId]', OrderLoading, 'Loading the order…'],
];

describe('the loading state of every back-office page', () => {
  it.each(pages)('%s says once what is loading and hides its placeholders', (_, Page, said) => {
    const html = renderToStaticMarkup(createElement(Page));
    expect(html).toMatch(/^<div class="mx-auto [^"]*max-w-\dxl[^"]*" aria-busy="true">/);
    expect(html.match(/role="status"/g)).toHaveLength(1);
    expect(html).toContain(`<p role="status" class="sr-only">${said}</p>`);
    // Every grey block is hidden from assistive tech, so the status is all a reader hears.
    const blocks = html.match(/<div[^>]*animate-shimmer[^>]*>/g) ?? [];
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(block).toContain('aria-hidden="true"');
  });
});
