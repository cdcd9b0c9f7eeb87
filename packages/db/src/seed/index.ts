export { seedDemoData, type SeedOptions, type SeedSummary } from './seed-demo-data';
export { demoAccounts, demoPassword, demoShopperEmail, type DemoAccount } from './demo-accounts';
export {
  generateCatalog,
  catalogGeneratorVersion,
  defaultCatalogSeed,
  defaultProductCount,
  lowStockThreshold,
  type CatalogOptions,
} from './catalog/generate-catalog';
export type {
  GeneratedCatalog,
  GeneratedCategory,
  GeneratedInventoryItem,
  GeneratedProduct,
  GeneratedVariant,
} from './catalog/catalog-types';
export { slugify } from './catalog/slugify';
