/**
 * What staff may use in an order email's subject (and blocks, where a template has them): the
 * order number and the customer's name. The order's lines and totals are never editable.
 */
export const orderVariables = {
  blocks: {},
  variables: ['number', 'name'],
  values: ({ number, name }: { number: string; name: string }) => ({ number, name }),
} as const;
