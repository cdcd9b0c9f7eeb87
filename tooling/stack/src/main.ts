import { isDuplicateKeyError } from '@shop/db/claims';
import { exitOnConfigError } from '@shop/env';
import { stackConfig } from './config';
import { stackModes, type StackMode } from './stack-config';
import { startStack } from './start-stack';
import { devParts, runDevPart, type DevPart } from './dev-part';

// Checked before anything starts: one message listing every problem.
exitOnConfigError(stackConfig);

// `shop-stack part <name>`: one part of the platform, for `turbo dev`'s panes (dev-part.ts).
if (process.argv[2] === 'part') {
  const part = process.argv[3] as DevPart | undefined;
  if (!part || !devParts.includes(part)) {
    console.error(`usage: shop-stack part <${devParts.join('|')}>`);
    process.exit(2);
  }
  await runDevPart(part);
} else {
  await runStack();
}

async function runStack(): Promise<void> {
  const mode = process.argv[2] as StackMode | undefined;
  if (!mode || !stackModes.includes(mode)) {
    console.error(`usage: shop-stack <${stackModes.join('|')}>`);
    process.exit(2);
  }

  // Ctrl-C or SIGTERM at any moment, while starting or running, stops every part that started.
  const stopRequested = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => stopRequested.abort());
  }

  const startedAt = performance.now();
  const stack = await startStack(mode, { signal: stopRequested.signal }).catch((error: unknown) => {
    if (stopRequested.signal.aborted) process.exit(0);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nThe platform did not start: ${message}`);
    // Demo data kept from an older version can break a newer index (the seed itself is idempotent).
    if (mode === 'dev' && isDuplicateKeyError(error)) {
      console.error(
        'The demo data in .data/mongo was written by an older version. Delete .data/mongo to start fresh.',
      );
    }
    process.exit(1);
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);

  const lines = [
    '',
    `Platform ready in ${seconds} s (database: ${stack.databaseKind})`,
    '',
    `  Storefront   ${stack.urls.storefront}`,
    `  Admin        ${stack.urls.admin}`,
    `  Cells        ${stack.urls.cells}/trpc  (health ${stack.urls.cells}/healthz, metrics ${stack.urls.cells}/metrics)`,
    '               procedures and metrics need the header x-shop-cell-token: $CELL_SERVICE_TOKEN,',
    '               else the contents of .data/cell-service-token',
    `  Inngest      ${stack.urls.inngest}`,
    `  Mail inbox   ${stack.urls.mailInbox ?? '(none: SMTP_URL sends mail to your server)'}`,
    '',
    '  Demo accounts:',
    ...stack.demoAccounts.map(
      (a) => `    ${a.role.padEnd(16)} ${a.email.padEnd(32)} ${a.password}`,
    ),
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));

  const stopNow = () => {
    process.stdout.write('\nStopping the platform...\n');
    void stack.stop().then(() => process.exit(0));
  };
  if (stopRequested.signal.aborted) stopNow();
  else stopRequested.signal.addEventListener('abort', stopNow, { once: true });
}
