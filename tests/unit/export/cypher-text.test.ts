import { getDebugTree } from '@neo4j-cypher/language-support';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cypherIdentifier, cypherLiteral, cypherString } from '../../../server/domain/export/cypher-text.ts';
import { UnexportableError } from '../../../server/domain/errors.ts';
import { openEmbeddedStore } from '../../../server/store/embedded.ts';
import { lintCypher } from '../../support/cypher-lint.ts';

const store = openEmbeddedStore();
afterAll(() => store.close());

type Tree = { name: string; children: Tree[] };
/** The quoted names (escapedSymbolicNameString tokens) the ANTLR Cypher 5 grammar finds in a query, as written. */
function quotedNames(query: string): string[] {
  const found: string[] = [];
  const walk = (tree: Tree) => {
    if (tree.name === 'escapedSymbolicNameString') found.push(...tree.children.map((child) => child.name));
    tree.children.forEach(walk);
  };
  walk(getDebugTree(query) as Tree);
  return found;
}

/** No unpaired surrogate (String.prototype.isWellFormed is ES2024). */
const isWellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/** Text without unpaired surrogates, which only Neo4j can hold (the embedded engine is UTF-8). */
const wellFormed = fc.string({ unit: 'binary', maxLength: 20 }).filter(isWellFormed);

describe('cypherString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash \\u0060', '"back\\\\slash \\\\u0060"'],
    ['cr\r\nlf\ttab', '"cr\\r\\nlf\\ttab"'],
    ['NUL\u0000 ESC\u001b', '"NUL\\u0000 ESC\\u001B"'],
    ['DEL\u007f NEL\u0085 LS\u2028', '"DEL\\u007F NEL\\u0085 LS\\u2028"'],
    ['🦊', '"🦊"'],
    ['lone \uD800', '"lone \\uD800"'],
  ])('when the text is %j, the literal is %s', (text, literal) => {
    expect(cypherString(text)).toBe(literal);
  });

  it('when any text is written, the engine reads back the same text', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormed, async (text) => {
        const { rows } = await store.read({ text: `RETURN ${cypherString(text)} AS v` });
        expect(rows[0]!.v).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('when any text is written, the literal is one line of printable text that Neo4j 5 parses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        const literal = cypherString(text);
        // eslint-disable-next-line no-control-regex -- no raw control character may reach the script
        expect(literal).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
        expect(lintCypher(`RETURN ${literal} AS v`)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('cypherLiteral', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [42, '42'],
    [-0.125, '-0.125'],
    [1e21, '1e21'],
    [['a', 1, false], '["a", 1, false]'],
    [{ k: 'v' }, '"{\\"k\\":\\"v\\"}"'],
  ])('when the value is %j, the literal is %s', (value, literal) => {
    expect(cypherLiteral(value)).toBe(literal);
  });
});

describe('cypherIdentifier', () => {
  it.each([
    ['Country', '`Country`'],
    ['With Space', '`With Space`'],
    ['a`b', '`a``b`'],
    ['`', '````'],
    ['ünï 🦊', '`ünï 🦊`'],
  ])('when the name is %j, it is written %s', (name, written) => {
    expect(cypherIdentifier(name, 'label')).toBe(written);
  });

  it.each([
    ['', 'empty'],
    ['L\\u0060 SET n:X WITH n MATCH (z) DETACH DELETE z //', 'a \\u escape Neo4j would decode'],
    ['a\\b', 'a backslash'],
    ['NUL\u0000', 'NUL'],
    ['ESC\u001b', 'ESC'],
    ['lone \uD800', 'an unpaired surrogate'],
  ])('when the name is %j (%s), it is refused naming it', (name) => {
    expect(() => cypherIdentifier(name, 'label')).toThrow(UnexportableError);
    expect(() => cypherIdentifier(name, 'label')).toThrow(JSON.stringify(name));
  });

  it('when a name is written, Neo4j 5 parses it as one quoted name and nothing else', () => {
    // Printable ASCII (fast-check's default), backquotes included; backslashes are refused.
    const names = fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !name.includes('\\'));
    fc.assert(
      fc.property(fc.oneof(names, fc.constantFrom('a`b', '`) DETACH DELETE n //', '` RETURN 1 //')), (name) => {
        const written = cypherIdentifier(name, 'label');
        const query = `MATCH (n:${written}) RETURN n`;
        expect(lintCypher(query)).toEqual([]);
        expect(quotedNames(query)).toEqual([written]);
      }),
      { numRuns: 40 },
    );
  });

  it("when a \\u0060 escape were written raw, Neo4j's front end would end the name early (the refusal's reason)", () => {
    const raw = '`L\\u0060 SET n:X WITH n MATCH (z) DETACH DELETE z //`';
    expect(lintCypher(`MERGE (n:${raw} {id: 'x'})`)).toEqual([expect.stringContaining("Invalid input 'SET'")]);
  });
});
