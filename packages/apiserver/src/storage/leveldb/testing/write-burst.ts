/**
 * Child process for durability.test.ts: opens the store at argv[2] and creates pods as fast as
 * it can (many writes in flight), printing `ACK <key> <rv>` for each acknowledged create, until
 * it is killed.
 *   node --conditions=development --import tsx write-burst.ts <dir>
 */
import { LevelDbStorage } from '../leveldb-storage.js';

const IN_FLIGHT = 64;

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: write-burst.ts <dir>');
  const storage = await LevelDbStorage.open(dir);
  process.stdout.write('READY\n');
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const name = `burst-${next++}`;
      const key = `/registry/pods/default/${name}`;
      const item = await storage.create(key, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default', uid: `uid-${name}` },
        spec: { containers: [{ name: 'c', image: 'busybox' }] },
      });
      process.stdout.write(`ACK ${item.key} ${item.rv}\n`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
