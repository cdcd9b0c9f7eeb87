import { domains } from '@shop/api/client';
import { expect, test } from './support/playwright';
import { signInToAdmin } from './support/accounts';
import { queryCell, type ProductPage } from './support/cell';

test('the dashboard shows every cell up and the catalogue the product cell holds', async ({
  page,
  request,
}) => {
  const catalogue = await queryCell<ProductPage>(request, 'product.list', { pageSize: 1 });

  // The back office needs a staff sign-in; it lands on the dashboard.
  await signInToAdmin(page, 'admin@example.com');
  for (const domain of domains) {
    await expect(page.getByTestId(`cell-status-${domain}`)).toHaveAttribute('data-state', 'up');
  }
  // The dashboard groups thousands (1,856), as en-US does.
  await expect(page.getByTestId('catalog-product-count')).toContainText(
    catalogue.totalCount.toLocaleString('en-US'),
  );
  await expect(page.getByTestId('catalog-product-row').first()).toBeVisible();
});
