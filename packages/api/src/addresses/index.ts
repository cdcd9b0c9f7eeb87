export * from './address-input';
export * from './countries';
export * from './phone';
