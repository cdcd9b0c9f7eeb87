import { derivedObjectId } from '@shop/db/claims';
import { orderConfirmed } from '../../events/schemas';
import { storeAnalyticsSettings } from './analytics-settings';
import { analyticsDatabase } from './database';
import { firstRetainedDay } from './retention';
import { localDayOf } from './zoned-time';

/** Accounts rebuilt per database round trip (one `$in` read, one bulk write). */
const accountsPerChunk = 500;

interface Conversion {
  occurredAt: Date;
  properties?: { accountId?: unknown };
}

/**
 * Rebuilds the stored order history of each account from its recorded conversions: the local
 * day of every order in the zone, the first one apart. Conversions older than the retention are
 * deleted (`retention.ts`), so the days before the first retained day come from the stored
 * history, the rest from the conversions. Each document is replaced whole, so a replayed or late
 * conversion, or running this twice, gives the same documents; an account with no order day
 * left (its id was erased, which also deletes its history) loses its document.
 */
export async function rebuildCustomerHistories(
  timeZone: string,
  accountIds: Iterable<string>,
  now = new Date(),
): Promise<number> {
  const { AnalyticsEvent, CustomerHistory } = await analyticsDatabase.models();
  const keptFrom = firstRetainedDay(await storeAnalyticsSettings(), now);
  const all = [...new Set(accountIds)];
  for (let index = 0; index < all.length; index += accountsPerChunk) {
    const chunk = all.slice(index, index + accountsPerChunk);
    const ids = chunk.map((accountId) =>
      derivedObjectId('analytics-customer', timeZone, accountId),
    );
    const [conversions, stored] = await Promise.all([
      AnalyticsEvent.find({
        'properties.accountId': { $in: chunk },
        name: orderConfirmed.name,
      })
        .select({ occurredAt: 1, 'properties.accountId': 1 })
        .lean<Conversion[]>(),
      CustomerHistory.find({ _id: { $in: ids } })
        .select({ accountId: 1, orderDays: 1 })
        .lean(),
    ]);
    const days = new Map<string, string[]>(chunk.map((accountId) => [accountId, []]));
    for (const history of stored) {
      days.get(history.accountId)?.push(...history.orderDays.filter((day) => day < keptFrom));
    }
    for (const conversion of conversions) {
      const accountId = conversion.properties?.accountId;
      if (typeof accountId !== 'string') continue;
      const day = localDayOf(timeZone, conversion.occurredAt.getTime());
      if (day >= keptFrom) days.get(accountId)?.push(day);
    }
    await CustomerHistory.bulkWrite(
      [...days].map(([accountId, orderDays]) => {
        const _id = derivedObjectId('analytics-customer', timeZone, accountId);
        if (orderDays.length === 0) return { deleteOne: { filter: { _id } } };
        orderDays.sort();
        return {
          replaceOne: {
            filter: { _id },
            replacement: {
              _id,
              accountId,
              timeZone,
              firstOrderDay: orderDays[0]!,
              orderDays,
              rebuiltAt: now,
            },
            upsert: true,
          },
        };
      }),
      { ordered: false },
    );
  }
  return all.length;
}

/** The accounts whose conversions were recorded or changed since `since` (late, replayed). */
export async function accountsWithConversionsSince(since: Date): Promise<string[]> {
  const { AnalyticsEvent } = await analyticsDatabase.models();
  return (await AnalyticsEvent.distinct('properties.accountId', {
    name: orderConfirmed.name,
    updatedAt: { $gte: since },
    'properties.accountId': { $type: 'string' },
  })) as string[];
}

/**
 * Brings today's customers up to date before a report reads them (the job runs every 10
 * minutes): the accounts whose stored history holds fewer of today's orders than were recorded
 * today are rebuilt. Reads today's conversions only (indexed by name and time).
 */
export async function refreshTodaysCustomers(timeZone: string, todayStart: number): Promise<void> {
  const { AnalyticsEvent, CustomerHistory } = await analyticsDatabase.models();
  const today = localDayOf(timeZone, todayStart);
  const conversions = await AnalyticsEvent.find({
    name: orderConfirmed.name,
    occurredAt: { $gte: new Date(todayStart) },
  })
    .select({ occurredAt: 1, 'properties.accountId': 1 })
    .lean<Conversion[]>();
  const recorded = new Map<string, number>();
  for (const conversion of conversions) {
    const accountId = conversion.properties?.accountId;
    if (typeof accountId !== 'string') continue;
    if (localDayOf(timeZone, conversion.occurredAt.getTime()) !== today) continue;
    recorded.set(accountId, (recorded.get(accountId) ?? 0) + 1);
  }
  if (recorded.size === 0) return;
  const stored = await CustomerHistory.find({ timeZone, accountId: { $in: [...recorded.keys()] } })
    .select({ accountId: 1, orderDays: 1 })
    .lean();
  const storedToday = new Map(
    stored.map((history) => [
      history.accountId,
      history.orderDays.filter((day) => day === today).length,
    ]),
  );
  const behind = [...recorded].filter(([accountId, count]) => storedToday.get(accountId) !== count);
  if (behind.length > 0) {
    await rebuildCustomerHistories(
      timeZone,
      behind.map(([accountId]) => accountId),
    );
  }
}
