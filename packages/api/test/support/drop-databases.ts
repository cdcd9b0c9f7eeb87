/**
 * Drops every database whose name starts with `prefix` on the server at `uri`. Cleaning up is
 * not what a test checks: a failure is reported as a warning naming `what`, never thrown.
 */
export async function dropDatabasesWithPrefix(
  uri: string,
  prefix: string,
  what: string,
): Promise<void> {
  // Imported here, not at the top: a file that traces its database calls must load mongoose
  // itself after starting its instrumentation, which patches the module as it loads.
  const { default: mongoose } = await import('mongoose');
  const connection = await mongoose
    .createConnection(uri, { serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  try {
    const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) {
      if (name.startsWith(prefix)) await connection.useDb(name).dropDatabase();
    }
  } catch (error) {
    console.warn(`could not drop ${what} ${prefix}*: ${String(error)}`);
  } finally {
    await connection.close();
  }
}
