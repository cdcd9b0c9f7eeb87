/**
 * `@shop/money`: how every package turns integer minor units into text. Pure functions with no
 * dependencies, so cells, emails and both apps show one amount the same way.
 */
export {
  decimalTextToMinor,
  formatMoney,
  formatWholeMoney,
  minorToDecimalString,
  minorUnitDigits,
} from './format-money';
