import { TRPCError } from '@trpc/server';
import { mongo, MongooseError } from 'mongoose';
import { RetryAfter } from './retry-after';

/** How long a caller is told to wait when the database cannot be reached. */
export const databaseRetryAfterSeconds = 5;

/**
 * The driver's "could not reach the server" errors: a dropped or refused connection
 * (MongoNetworkError, whose subclasses include the pool-cleared and network-timeout errors), no
 * server selectable within `serverSelectionTimeoutMS`, a client closed or not yet connected.
 * Errors the server itself returned (a duplicate key, a bad query) are not outages.
 */
const unreachableClasses = [
  mongo.MongoNetworkError,
  mongo.MongoServerSelectionError,
  mongo.MongoTopologyClosedError,
  mongo.MongoNotConnectedError,
  mongo.MongoServerClosedError,
  mongo.MongoClientClosedError,
];

function isUnreachableError(error: unknown): boolean {
  if (unreachableClasses.some((errorClass) => error instanceof errorClass)) return true;
  // With bufferCommands on (a model created on its own connection), mongoose queues a call while
  // disconnected and gives up after bufferTimeoutMS with this message.
  return error instanceof MongooseError && /buffering timed out/.test(error.message);
}

/** Whether `error`, or an error it wraps (`cause`, a few levels deep), is a database outage. */
export function isDatabaseUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (isUnreachableError(current)) return true;
    current = current.cause;
  }
  return false;
}

/** 503 SERVICE_UNAVAILABLE with `Retry-After`: the caller may try again shortly. */
export function databaseUnavailable(): TRPCError {
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: 'The database is unreachable just now; try again in a few seconds',
    cause: new RetryAfter(databaseRetryAfterSeconds),
  });
}
