import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { capturedMessageSchema, type CapturedMessage } from './captured-message';

export interface MessageStore {
  add(message: CapturedMessage): Promise<void>;
  /** Newest first; `to` matches any recipient, case-insensitively. */
  list(filter?: { to?: string }): CapturedMessage[];
  get(id: string): CapturedMessage | undefined;
  /** Removes every message, or only those addressed to `to`; returns how many went. */
  clear(filter?: { to?: string }): Promise<number>;
}

const idPattern = /^[a-z0-9-]{1,64}$/;

/**
 * Keeps the newest `limit` messages in memory. With `dataDir`, each message is also written there
 * as `<id>.json` and reloaded on start, so a developer's inbox survives a restart of `pnpm dev`.
 */
export async function createMessageStore({
  limit,
  dataDir,
}: {
  limit: number;
  dataDir?: string;
}): Promise<MessageStore> {
  // Oldest first, so trimming drops from the front and listing walks it backwards.
  const messages: CapturedMessage[] = dataDir ? await loadFrom(dataDir) : [];
  const fileOf = (id: string) => join(dataDir ?? '', `${id}.json`);
  const matches = (message: CapturedMessage, to?: string) =>
    !to || message.to.some((address) => address === to.trim().toLowerCase());

  const removeFile = async (id: string) => {
    if (dataDir) await rm(fileOf(id), { force: true });
  };

  const trim = async () => {
    const dropped = messages.splice(0, Math.max(0, messages.length - limit));
    await Promise.all(dropped.map((message) => removeFile(message.id)));
  };
  await trim();

  return {
    async add(message) {
      messages.push(message);
      if (dataDir) await writeFile(fileOf(message.id), JSON.stringify(message));
      await trim();
    },
    list(filter = {}) {
      return messages.filter((message) => matches(message, filter.to)).reverse();
    },
    get(id) {
      return messages.find((message) => message.id === id);
    },
    async clear(filter = {}) {
      const gone = messages.filter((message) => matches(message, filter.to));
      const kept = messages.filter((message) => !matches(message, filter.to));
      messages.splice(0, messages.length, ...kept);
      await Promise.all(gone.map((message) => removeFile(message.id)));
      return gone.length;
    },
  };
}

async function loadFrom(dataDir: string): Promise<CapturedMessage[]> {
  await mkdir(dataDir, { recursive: true });
  const loaded: CapturedMessage[] = [];
  for (const name of await readdir(dataDir)) {
    const id = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || !idPattern.test(id)) continue;
    try {
      const parsed = capturedMessageSchema.safeParse(
        JSON.parse(await readFile(join(dataDir, name), 'utf8')),
      );
      if (parsed.success) loaded.push(parsed.data);
    } catch {
      // A half-written or foreign file is skipped rather than stopping the inbox from starting.
    }
  }
  return loaded.sort(
    (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
  );
}
