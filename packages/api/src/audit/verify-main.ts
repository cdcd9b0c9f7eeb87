// `pnpm --filter @shop/api audit:verify`: every cell's audit chain, on the MongoDB the cells use
// (MONGODB_URI, MONGODB_DB_PREFIX: @shop/db's configuration). Exit 1 names the first break.
import { closeDatabaseConnections } from '@shop/db';
import { parseVerifyArguments, runAuditVerify } from './verify-command';

try {
  const { lines, exitCode } = await runAuditVerify(parseVerifyArguments(process.argv.slice(2)));
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = exitCode;
} catch (error) {
  process.stderr.write(
    `audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
} finally {
  await closeDatabaseConnections();
}
