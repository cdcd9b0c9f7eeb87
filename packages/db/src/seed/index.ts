export { seedDemoData, type SeedOptions, type SeedSummary } from './seed-demo-data';
export { demoAccounts, demoPassword, demoShopperEmail, type DemoAccount } from './demo-accounts';
export { demoCategories, demoProducts, type DemoCategory, type DemoProduct } from './demo-catalog';
