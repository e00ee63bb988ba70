import type { NodeCommands } from './node-commands.js';

/**
 * Every node public key in the registry by key id, retired keys included: seals made before a key
 * was retired must still verify.
 */
export async function collectNodePublicKeys(nodes: NodeCommands): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await nodes.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const node of page.items) for (const key of node.keys) keys.set(key.id, key.publicKey);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return keys;
}
