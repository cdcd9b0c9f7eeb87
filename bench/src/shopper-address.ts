/**
 * The shipping address the benchmarks' shoppers give at checkout (Ireland, which the demo's
 * shipping methods and taxes cover). Artillery's CommonJS processor (load/shopper-processor.cjs)
 * keeps its own copy: it cannot import TypeScript.
 */
export const benchShippingAddress = {
  name: 'Load Shopper',
  line1: '1 Load Street',
  city: 'Dublin',
  postcode: 'D02 X285',
  country: 'IE',
} as const;
