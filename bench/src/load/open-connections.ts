import { readdir, readFile } from 'node:fs/promises';

/**
 * Established TCP connections whose local port is `port` (a server's side of them), from the
 * kernel's tables (/proc/net/tcp and tcp6, Linux): what the storefront actually holds open,
 * whatever the generator believes.
 */
export async function establishedTo(port: number): Promise<number> {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields[1] is local "ADDR:PORT" in hex, fields[3] the state (01: ESTABLISHED).
      if (fields[3] === '01' && fields[1]?.endsWith(`:${portHex}`)) count += 1;
    }
  }
  return count;
}

/** Open file descriptors of a process (sockets, files, pipes). */
export async function openFileDescriptors(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  return (await readdir(`/proc/${pid}/fd`).catch(() => [])).length;
}
