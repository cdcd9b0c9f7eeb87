import { Types } from 'mongoose';
import { pageWindow } from '../../trpc/pagination';
import type { CustomerHistoryInput } from './inputs';
import { orderDatabase } from './order-transitions';
import { paidStatuses } from './sales-summary';
import { adminOrderSummary, type CustomerHistory, type StoredOrder } from './views';

interface CurrencyTotals {
  _id: string;
  orders: number;
  totalMinor: number;
  refundedMinor: number;
}

/**
 * One account's orders, newest first, with their lifetime value (paid orders net of refunds,
 * per currency, the same rule as the dashboard's sales). Orders placed as a guest with the same
 * email are not the account's: they are not counted.
 */
export async function customerHistoryOf(input: CustomerHistoryInput): Promise<CustomerHistory> {
  const { Order } = await orderDatabase.models();
  const accountId = new Types.ObjectId(input.accountId);
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [totals, orders, total, first, last] = await Promise.all([
    Order.aggregate<CurrencyTotals>([
      { $match: { accountId, status: { $in: paidStatuses } } },
      {
        $group: {
          _id: '$currency',
          orders: { $sum: 1 },
          totalMinor: { $sum: '$totalMinor' },
          refundedMinor: { $sum: '$refundedMinor' },
        },
      },
    ]),
    Order.find({ accountId }).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit).lean(),
    Order.countDocuments({ accountId }),
    Order.findOne({ accountId }, { createdAt: 1 })
      .sort({ createdAt: 1 })
      .lean<{ createdAt: Date }>(),
    Order.findOne({ accountId }, { createdAt: 1 })
      .sort({ createdAt: -1 })
      .lean<{ createdAt: Date }>(),
  ]);
  return {
    lifetime: totals
      .map((row) => ({
        currency: row._id,
        orders: row.orders,
        salesMinor: row.totalMinor - row.refundedMinor,
      }))
      .sort((a, b) => b.salesMinor - a.salesMinor || a.currency.localeCompare(b.currency)),
    firstOrderAt: first?.createdAt.toISOString() ?? null,
    lastOrderAt: last?.createdAt.toISOString() ?? null,
    items: (orders as StoredOrder[]).map(adminOrderSummary),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
