// The writers' streaming pieces each agree with the whole-text function they stand for.
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileBytes, fileText } from '../../../server/domain/export/chunks.ts';
import { csvTable } from '../../../common/csv/csv-table.ts';
import { csvChunks } from '../../../server/domain/export/csv-chunks.ts';
import { jsonChunks } from '../../../server/domain/export/json-chunks.ts';
import type { XmlElement } from '../../../server/domain/export/xml.ts';
import { xmlChunks, xmlDocument } from '../../../server/domain/export/xml.ts';
import { zipChunks } from '../../../server/domain/export/zip.ts';

function* generated<T>(items: T[]): Generator<T> {
  yield* items;
}

/** The element with every list of children made by a generator instead, with pauses between them. */
function lazily(element: XmlElement): XmlElement {
  if (!element.children) return element;
  const children = [...element.children].flatMap((child) => (child === '' ? [] : ['' as const, lazily(child)]));
  return { ...element, children: generated(children) };
}

const xmlElement: fc.Arbitrary<XmlElement> = fc.letrec<{ element: XmlElement }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small' },
    fc.record({ name: fc.constantFrom('a', 'b'), text: fc.string() }),
    fc.record({ name: fc.constantFrom('c', 'd'), attributes: fc.dictionary(fc.constantFrom('x', 'y'), fc.string()) }),
    fc.record({ name: fc.constantFrom('e', 'f'), children: fc.array(tie('element'), { maxLength: 4 }) }),
  ),
})).element;

describe('jsonChunks', () => {
  it('when any JSON value is written, the text is JSON.stringify(value, null, 2) and a line feed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect(fileText(jsonChunks(value, depth))).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
    );
  });

  it('when a list is a generator, it is written as the array of its items', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (items) => {
        expect(fileText(jsonChunks({ items: generated(items) }))).toBe(`${JSON.stringify({ items }, null, 2)}\n`);
      }),
    );
  });

  it('when an object holds undefined, it is left out as JSON.stringify leaves it', () => {
    expect(fileText(jsonChunks({ a: undefined, b: [undefined, 1] }))).toBe(
      `${JSON.stringify({ a: undefined, b: [undefined, 1] }, null, 2)}\n`,
    );
  });
});

describe('xmlChunks', () => {
  it('when children are made by generators, the document is the one written from arrays', () => {
    fc.assert(
      fc.property(xmlElement, (root) => {
        expect(fileText(xmlChunks(lazily(root)))).toBe(xmlDocument(root));
      }),
    );
  });
});

describe('csvChunks', () => {
  const cell = fc.option(fc.string({ unit: 'binary', maxLength: 6 }), { nil: null });

  it.each([0, 1, 499, 500, 501, 1203])('when %i rows are written in chunks, the text is csvTable of them', (count) => {
    const rows = Array.from({ length: count }, (_, i) => [`r${i}`, i % 3 === 0 ? null : '', 'a,"b"\r\nc']);
    expect(fileText(csvChunks(rows, { bom: true }))).toBe(csvTable(rows, { bom: true }));
  });

  it('when any cells are written in chunks, the text is csvTable of them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 20 }), (rows) => {
        expect(fileText(csvChunks(rows))).toBe(csvTable(rows));
      }),
    );
  });
});

describe('zipChunks', () => {
  const files = { 'a.txt': ['one ', 'two ', '', 'three'], 'b.csv': ['x,y\r\n'], 'empty.txt': [] as string[] };
  const archive = () =>
    unzipSync(
      fileBytes(
        zipChunks(
          Object.entries(files).map(([name, chunks]) => ({ name, chunks })),
          new Date(2026, 0, 2),
        ),
      ),
    );

  it('when files are zipped chunk by chunk, unzipping gives each file back whole', () => {
    const read = Object.fromEntries(Object.entries(archive()).map(([name, bytes]) => [name, strFromU8(bytes)]));
    expect(read).toEqual({ 'a.txt': 'one two three', 'b.csv': 'x,y\r\n', 'empty.txt': '' });
  });

  it('when files are zipped, the archive keeps their order', () => {
    expect(Object.keys(archive())).toEqual(Object.keys(files));
  });
});
