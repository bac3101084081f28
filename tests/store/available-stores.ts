// The stores the conformance suite runs against: embedded always; Neo4j through testcontainers
// where a Docker engine answers, or an external server given by NEO4J_TEST_URI (its database is
// emptied by the suite, so it is never the app's NEO4J_URI).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { openNeo4jStore } from '../../server/store/neo4j.ts';
import type { GraphStore } from '../../server/store/port.ts';

export interface StoreUnderTest {
  name: string;
  /** An empty store, or why this store cannot run here. */
  open: () => Promise<GraphStore>;
  teardown: () => Promise<void>;
  /** Puts files in the server's import folder (for LOAD CSV from file:///), or says why it cannot. */
  importFiles?: ((files: Record<string, string>) => Promise<void>) | { unavailable: string };
}

export type Availability = { store: StoreUnderTest } | { skipped: string; name: string };

export function embeddedStore(): StoreUnderTest {
  return { name: 'embedded', open: async () => openEmbeddedStore(), teardown: async () => {} };
}

async function emptied(store: GraphStore): Promise<GraphStore> {
  await store.write({ text: 'MATCH (n) DETACH DELETE n' });
  return store;
}

export async function neo4jStore(): Promise<Availability> {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    const options = {
      uri: external,
      username: process.env.NEO4J_TEST_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE,
    };
    // An external server's import folder is reachable only when it is shared with this machine.
    const importDir = process.env.NEO4J_TEST_IMPORT_DIR;
    return {
      store: {
        name: `neo4j (${external})`,
        open: async () => emptied(await openNeo4jStore(options)),
        teardown: async () => {},
        importFiles: importDir
          ? async (files) => {
              for (const [name, text] of Object.entries(files)) writeFileSync(join(importDir, name), text);
            }
          : { unavailable: "NEO4J_TEST_IMPORT_DIR (the server's import folder, shared with this machine) is not set" },
      },
    };
  }
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch (error) {
    return {
      name: 'neo4j',
      skipped: `no Docker engine reachable for testcontainers (${(error as Error).message}) and NEO4J_TEST_URI is not set`,
    };
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer('neo4j:5').withPassword('conformance').start();
  const options = { uri: container.getBoltUri(), username: container.getUsername(), password: container.getPassword() };
  return {
    store: {
      name: 'neo4j (testcontainers, neo4j:5)',
      open: async () => emptied(await openNeo4jStore(options)),
      teardown: async () => {
        await container.stop();
      },
      importFiles: async (files) => {
        await container.copyContentToContainer(
          Object.entries(files).map(([name, content]) => ({ content, target: `/var/lib/neo4j/import/${name}` })),
        );
      },
    },
  };
}
