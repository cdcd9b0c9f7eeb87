import { domains, isDomain, type Domain } from '../domains';
import { auditEntriesOf } from './audit-databases';
import { verifyChain, type ChainVerification } from './verify-chain';

/** A head recorded earlier (a log line, a metric): `cell:seq:hash`. */
interface ExpectedHead {
  cell: Domain;
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  cells: Domain[];
  expectedHeads: ExpectedHead[];
}

/** `audit:verify [--cell product]... [--expect-head product:42:<hash>]...` */
export function parseVerifyArguments(argv: readonly string[]): VerifyOptions {
  const cells: Domain[] = [];
  const expectedHeads: ExpectedHead[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1] ?? '';
    if (flag === '--cell' && isDomain(value)) {
      cells.push(value);
    } else if (flag === '--expect-head') {
      const [cell = '', seq = '', hash = ''] = value.split(':');
      if (!isDomain(cell) || !/^\d+$/.test(seq) || !/^[0-9a-f]{64}$/.test(hash)) {
        throw new Error(`--expect-head takes cell:seq:sha256-hex, not "${value}"`);
      }
      expectedHeads.push({ cell, seq: Number(seq), hash });
    } else {
      throw new Error(
        `unknown argument "${flag}" (use --cell <cell> and --expect-head c:seq:hash)`,
      );
    }
    index += 1;
  }
  return { cells: cells.length > 0 ? cells : [...domains], expectedHeads };
}

/** An anchored head must still be in the chain: a truncated or rewritten tail fails this. */
async function anchorProblem(expected: ExpectedHead): Promise<string | null> {
  const AuditEntry = await auditEntriesOf(expected.cell);
  const entry = await AuditEntry.findOne({ chain: expected.cell, seq: expected.seq }).lean();
  if (!entry) return `seq ${expected.seq} (an anchored head) is gone: the tail was truncated`;
  if (entry.hash !== expected.hash) {
    return `seq ${expected.seq} no longer has the anchored hash: the chain was rewritten from there`;
  }
  return null;
}

function describe(result: ChainVerification): string {
  if (result.firstBroken) {
    const { cell, seq, kind, detail } = result.firstBroken;
    return `BROKEN ${cell}: first broken entry seq ${seq} (${kind}): ${detail}`;
  }
  const head = result.head ? `head seq ${result.head.seq} ${result.head.hash}` : 'empty';
  return `ok ${result.cell}: ${result.entries} entries, ${head}`;
}

/** Verifies every chain asked for; returns the lines to print and the exit code (1: broken). */
export async function runAuditVerify(
  options: VerifyOptions,
): Promise<{ lines: string[]; exitCode: number }> {
  const lines: string[] = [];
  let exitCode = 0;
  for (const cell of options.cells) {
    const result = await verifyChain(cell);
    lines.push(describe(result));
    if (!result.ok) exitCode = 1;
    for (const expected of options.expectedHeads.filter((head) => head.cell === cell)) {
      const problem = await anchorProblem(expected);
      if (problem) {
        lines.push(`BROKEN ${cell}: ${problem}`);
        exitCode = 1;
      }
    }
  }
  return { lines, exitCode };
}
