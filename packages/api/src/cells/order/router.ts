import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { authedProcedure, permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  addToCartInput,
  adminListInput,
  customerHistoryInput,
  deliveredPurchaseInput,
  reviewRequestOrderInput,
  applyDiscountInput,
  cancelInput,
  cancelLinkInput,
  cancelWithLinkInput,
  getInput,
  listInput,
  lookupInput,
  markDeliveredInput,
  markProcessingInput,
  markShippedInput,
  placeInput,
  quoteInput,
  removeFromCartInput,
  requestCancelLinkInput,
  saveDiscountCodeInput,
  saveShippingSettingsInput,
  staffCancelInput,
  updateCartLineInput,
} from './inputs';
import {
  addToCart,
  applyDiscount,
  cart,
  removeDiscount,
  removeFromCart,
  updateCartLine,
} from './procedures/cart';
import { checkoutOptions, place, quote } from './procedures/checkout';
import { cancelLink, cancelWithLink, requestCancelLink } from './procedures/guest-cancel';
import { cancel, get, list, lookup } from './procedures/orders';
import {
  adminList,
  markDelivered,
  markProcessing,
  markShipped,
  staffCancel,
} from './procedures/staff-orders';
import { customerHistory, salesSummary } from './procedures/staff-dashboard';
import { deliveredPurchase, reviewRequestOrder } from './procedures/purchase-verification';
import {
  discountCodes,
  saveDiscountCode,
  saveShippingSettings,
  shippingSettings,
} from './procedures/staff-settings';

/** The order cell's procedures (`order.<name>`), each with its permission, input and handler. */
export const orderRouter = router({
  status: statusProcedure('order'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('order'),

  // The shopper's cart, always answered re-priced (procedures/cart.ts).
  cart: publicProcedure.query(cart),
  addToCart: publicProcedure.input(addToCartInput).mutation(addToCart),
  updateCartLine: publicProcedure.input(updateCartLineInput).mutation(updateCartLine),
  removeFromCart: publicProcedure.input(removeFromCartInput).mutation(removeFromCart),
  applyDiscount: publicProcedure.input(applyDiscountInput).mutation(applyDiscount),
  removeDiscount: publicProcedure.mutation(removeDiscount),

  // Checkout (procedures/checkout.ts).
  checkoutOptions: publicProcedure.query(checkoutOptions),
  quote: publicProcedure.input(quoteInput).query(quote),
  place: publicProcedure.input(placeInput).mutation(place),

  // Staff: discount codes, shipping methods and tax rates (procedures/staff-settings.ts).
  discountCodes: permissionProcedure('orders:read').query(discountCodes),
  saveDiscountCode: permissionProcedure('orders:write')
    .input(saveDiscountCodeInput)
    .mutation(saveDiscountCode),
  shippingSettings: permissionProcedure('orders:read').query(shippingSettings),
  saveShippingSettings: permissionProcedure('orders:write')
    .input(saveShippingSettingsInput)
    .mutation(saveShippingSettings),

  // The shopper's orders after checkout (procedures/orders.ts).
  get: publicProcedure.input(getInput).query(get),
  list: authedProcedure.input(listInput).query(list),
  lookup: publicProcedure.input(lookupInput).mutation(lookup),
  cancel: publicProcedure.input(cancelInput).mutation(cancel),

  // A guest's emailed cancellation link (procedures/guest-cancel.ts).
  requestCancelLink: publicProcedure.input(requestCancelLinkInput).mutation(requestCancelLink),
  cancelLink: publicProcedure.input(cancelLinkInput).query(cancelLink),
  cancelWithLink: publicProcedure.input(cancelWithLinkInput).mutation(cancelWithLink),

  // Staff: orders and their fulfilment (procedures/staff-orders.ts).
  adminList: permissionProcedure('orders:read').input(adminListInput).query(adminList),
  markProcessing: permissionProcedure('orders:write')
    .input(markProcessingInput)
    .mutation(markProcessing),
  markShipped: permissionProcedure('orders:write').input(markShippedInput).mutation(markShipped),
  markDelivered: permissionProcedure('orders:write')
    .input(markDeliveredInput)
    .mutation(markDelivered),
  staffCancel: permissionProcedure('orders:write').input(staffCancelInput).mutation(staffCancel),

  // Staff: the merchant's home figures (procedures/staff-dashboard.ts).
  salesSummary: permissionProcedure('orders:read').query(salesSummary),
  customerHistory: permissionProcedure('orders:read')
    .input(customerHistoryInput)
    .query(customerHistory),

  // The review cell's verified-purchase check (procedures/purchase-verification.ts).
  deliveredPurchase: permissionProcedure('purchases:verify')
    .input(deliveredPurchaseInput)
    .query(deliveredPurchase),
  reviewRequestOrder: permissionProcedure('purchases:verify')
    .input(reviewRequestOrderInput)
    .query(reviewRequestOrder),
});
