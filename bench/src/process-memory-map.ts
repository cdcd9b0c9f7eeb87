import { readFileSync } from 'node:fs';

/** A process's resident memory by kind of mapping, in MiB (Linux `/proc/<pid>/smaps`). */
export interface MemoryMap {
  rssMiB: number;
  /** Mapped files: Node's binary, shared libraries, native addons. */
  filesMiB: number;
  /** glibc's main malloc arena (`[heap]`, grown with brk): the main thread's allocations. */
  mainArenaMiB: number;
  /** glibc's other arenas: 64 MiB reservations each, made by threads that allocate. */
  threadArenasMiB: number;
  threadArenas: number;
  /** Every other anonymous mapping: V8's heap pages and code, large malloc blocks, stacks. */
  otherAnonymousMiB: number;
}

interface Mapping {
  start: bigint;
  end: bigint;
  perms: string;
  path: string;
  rssKiB: number;
}

/** glibc's HEAP_MAX_SIZE on 64-bit Linux: each non-main arena reserves this, aligned to it. */
const arenaBytes = 64n * 1024n * 1024n;

function mappings(pid: number): Mapping[] {
  const result: Mapping[] = [];
  let current: Mapping | undefined;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      current = {
        start: BigInt(`0x${header[1]}`),
        end: BigInt(`0x${header[2]}`),
        perms: header[3] ?? '',
        path: header[4] ?? '',
        rssKiB: 0,
      };
      result.push(current);
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) current.rssKiB = Number(rss[1]);
  }
  return result;
}

/**
 * Splits a process's resident set by what holds it, to tell native allocator growth (glibc's
 * arenas keep freed memory and fragment when many threads allocate) from V8's own pages. A thread
 * arena is recognised by its shape: an anonymous read-write mapping starting on a 64 MiB boundary
 * whose reservation (with the inaccessible rest that follows it) is exactly 64 MiB.
 */
export function memoryMap(pid: number): MemoryMap {
  const all = mappings(pid);
  const kib = { files: 0, mainArena: 0, threadArenas: 0, other: 0 };
  let threadArenas = 0;
  all.forEach((mapping, index) => {
    if (mapping.path === '[heap]') kib.mainArena += mapping.rssKiB;
    else if (mapping.path.startsWith('/')) kib.files += mapping.rssKiB;
    else {
      const next = all[index + 1];
      const reserved =
        mapping.end -
        mapping.start +
        (next && next.start === mapping.end && next.perms.startsWith('---')
          ? next.end - next.start
          : 0n);
      const isArena =
        mapping.perms.startsWith('rw') &&
        mapping.start % arenaBytes === 0n &&
        reserved === arenaBytes;
      if (isArena) {
        kib.threadArenas += mapping.rssKiB;
        threadArenas += 1;
      } else kib.other += mapping.rssKiB;
    }
  });
  const mib = (value: number) => Math.round((value / 1024) * 10) / 10;
  return {
    rssMiB: mib(kib.files + kib.mainArena + kib.threadArenas + kib.other),
    filesMiB: mib(kib.files),
    mainArenaMiB: mib(kib.mainArena),
    threadArenasMiB: mib(kib.threadArenas),
    threadArenas,
    otherAnonymousMiB: mib(kib.other),
  };
}
