import { observeMongoClients } from '@shop/db';
import type { mongo } from 'mongoose';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** MongoDB's own default for a slow operation (`slowms`), so both views agree on "slow". */
export const slowCommandSeconds = 0.1;

/**
 * MongoDB pool and command metrics from the driver's monitoring events (CMAP, command and
 * heartbeat events), for every server connection this process opens. Registered once per
 * registry; the metrics are per process, labelled by server address (and database for commands).
 */
export function registerMongoMetrics(registry: Registry): void {
  const registers = [registry];
  const open = new Gauge({
    name: 'mongodb_pool_connections',
    help: 'Connections the driver holds open to the server (idle and in use)',
    labelNames: ['server'] as const,
    registers,
  });
  const checkedOut = new Gauge({
    name: 'mongodb_pool_connections_in_use',
    help: 'Connections checked out of the pool by an operation right now',
    labelNames: ['server'] as const,
    registers,
  });
  const waiting = new Gauge({
    name: 'mongodb_pool_checkouts_waiting',
    help: 'Operations waiting for a pool connection',
    labelNames: ['server'] as const,
    registers,
  });
  const maxSize = new Gauge({
    name: 'mongodb_pool_max_connections',
    help: 'The pool size limit (maxPoolSize)',
    labelNames: ['server'] as const,
    registers,
  });
  const checkoutFailures = new Counter({
    name: 'mongodb_pool_checkout_failures_total',
    help: 'Pool checkouts that failed, by reason (connectionError, timeout, poolClosed)',
    labelNames: ['server', 'reason'] as const,
    registers,
  });
  const heartbeatFailures = new Counter({
    name: 'mongodb_server_heartbeat_failures_total',
    help: 'Server monitoring heartbeats that failed (the server was unreachable or refused)',
    labelNames: ['server'] as const,
    registers,
  });
  const commandDuration = new Histogram({
    name: 'mongodb_command_duration_seconds',
    help: 'Duration of MongoDB commands as the driver saw them, by database, command and outcome',
    labelNames: ['database', 'command', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const slowCommands = new Counter({
    name: 'mongodb_slow_commands_total',
    help: `Commands that took longer than MongoDB's slowms (${slowCommandSeconds * 1000} ms)`,
    labelNames: ['database', 'command'] as const,
    registers,
  });

  const observe = (client: mongo.MongoClient) => {
    client.on('connectionPoolCreated', (event) => {
      maxSize.labels(event.address).set(event.options.maxPoolSize ?? 100);
    });
    client.on('connectionCreated', (event) => open.labels(event.address).inc());
    client.on('connectionClosed', (event) => open.labels(event.address).dec());
    client.on('connectionCheckOutStarted', (event) => waiting.labels(event.address).inc());
    client.on('connectionCheckedOut', (event) => {
      waiting.labels(event.address).dec();
      checkedOut.labels(event.address).inc();
    });
    client.on('connectionCheckOutFailed', (event) => {
      waiting.labels(event.address).dec();
      checkoutFailures.labels(event.address, String(event.reason)).inc();
    });
    client.on('connectionCheckedIn', (event) => checkedOut.labels(event.address).dec());
    client.on('serverHeartbeatFailed', (event) =>
      heartbeatFailures.labels(event.connectionId).inc(),
    );
    const finished = (
      event: mongo.CommandSucceededEvent | mongo.CommandFailedEvent,
      outcome: 'ok' | 'error',
    ) => {
      const database = event.databaseName;
      const seconds = event.duration / 1000;
      commandDuration.labels(database, event.commandName, outcome).observe(seconds);
      if (seconds > slowCommandSeconds) slowCommands.labels(database, event.commandName).inc();
    };
    client.on('commandSucceeded', (event) => finished(event, 'ok'));
    client.on('commandFailed', (event) => finished(event, 'error'));
  };
  observeMongoClients(observe);
}
