import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { isolateTestDatabases } from '@shop/db/testing';
import { userModels } from '@shop/db/user';
// Accounts only: the demo seed's 2,000 generated products would drown the small catalogue whose
// every answer these tests know.
import { seedAccounts } from '../../../db/src/seed/seed-accounts';
import { forgetSigningKeys } from '../../src/cells/auth/signing-keys';
import {
  catalogModels,
  fixtureProducts,
  insertFixtureCatalog,
  productDocument,
} from './search-fixtures';

/** Products the merchandising tests add to the search fixtures: synonyms need their names. */
export const merchandisingProducts = [
  { slug: 'classic-t-shirt', name: 'Classic T-Shirt', category: 'clothing', brand: 'Basics' },
  { slug: 'linen-sofa', name: 'Linen Sofa', category: 'furniture', brand: 'Hearth' },
  { slug: 'corner-couch', name: 'Corner Couch', category: 'furniture', brand: 'Hearth' },
];

/** Own databases with the demo accounts, the search fixtures and the products above. */
export async function merchandisingTestDatabases(): Promise<void> {
  isolateTestDatabases();
  forgetSigningKeys();
  await seedAccounts(
    authModels(await connectDomainDatabase('auth')),
    userModels(await connectDomainDatabase('user')),
  );
  await insertFixtureCatalog();
  const template = fixtureProducts.find((product) => product.slug === 'walnut-side-table')!;
  const { Product } = await catalogModels();
  await Product.insertMany(
    merchandisingProducts.map((product) => productDocument({ ...template, ...product })),
  );
}
