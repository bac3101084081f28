// An export is sent as it is written (in pieces, through compression, with pauses between them);
// what arrives must be the very file the writer makes when it is read whole.
import { vi } from 'vitest';
import { exportFormats } from '../../common/api.ts';
import { fileBytes } from '../../server/domain/export/chunks.ts';
import { exportSubgraph } from '../../server/domain/export/index.ts';
import { inducedSubgraph } from '../../server/domain/nodes.ts';
import { curated } from '../support/curated.ts';
import { download } from '../support/export-files.ts';
import { afterEach, beforeEach, describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();
// Every curated entity: with the sources, each format's file is several of the pieces it is sent in.
const ids = curated.entities.map((entity) => entity.id);
// The file's name and the zip entries' times come from the clock: one instant for both ways.
const now = new Date('2026-12-08T09:10:11Z');

describe('a streamed export', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(exportFormats.flatMap((format) => [false, true].map((includeSources) => [format, includeSources] as const)))(
    'when %s is sent (includeSources %s), the body is the file written whole',
    async (format, includeSources) => {
      const sent = await download(h.app, { format, ids, includeSources });
      const subgraph = await inducedSubgraph(h.store, ids);
      const whole = fileBytes((await exportSubgraph(h.store, subgraph, format, { includeSources, now })).chunks);
      expect(sent.status).toBe(200);
      expect(sent.body.length).toBe(whole.length);
      expect(Buffer.compare(sent.body, whole)).toBe(0);
    },
  );
});
