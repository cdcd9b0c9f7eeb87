// Postcode and country rules are shared with the order cell's checkout (moved to src/addresses).
export * from '../../addresses/countries';
