import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from '../../../eslint-rules/own-key-lookup.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const fixtures = join(import.meta.dirname, '../../fixtures/lint');
const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: fixtures },
  },
});
const at = (name: string, code: string) => ({ name, code, filename: join(fixtures, 'case.ts') });
const record = 'declare const names: Record<string, string[]>; declare const key: string;';
const member = [{ messageId: 'member' }];

tester.run('own-key-lookup', rule, {
  valid: [
    at('when a record is read by a literal key, it passes', `${record} names['fixed'];`),
    at(
      'when a record of closed keys is read by one of them, it passes',
      `declare const names: Record<'a' | 'b', number>; declare const key: 'a' | 'b'; names[key];`,
    ),
    at('when an array is indexed, it passes', `declare const list: string[]; declare const i: number; list[i];`),
    at('when a tuple is indexed, it passes', `declare const tuple: [string, number]; tuple[0];`),
    at(
      'when a Map is read, it passes',
      `declare const map: Map<string, number>; declare const key: string; map.get(key);`,
    ),
    at('when a key is checked with Object.hasOwn, it passes', `${record} Object.hasOwn(names, key);`),
  ],
  invalid: [
    { ...at('when a record is read by any string, it is reported', `${record} names[key];`), errors: member },
    {
      ...at(
        'when an index signature is read by any string, it is reported',
        `declare const data: { [property: string]: number }; declare const key: string; data[key];`,
      ),
      errors: member,
    },
    { ...at('when a record is written by any string, it is reported', `${record} names[key] = [];`), errors: member },
    {
      ...at(
        'when a record that may be undefined is read optionally, it is reported',
        `declare const data: Readonly<Record<string, number>> | undefined; declare const key: string; data?.[key];`,
      ),
      errors: member,
    },
    {
      ...at(
        'when the key is a template of strings, it is reported',
        `declare const data: Record<string, number>; declare const key: \`x\${string}\`; data[key];`,
      ),
      errors: member,
    },
    {
      ...at('when `in` tests a record for any string, it is reported', `${record} key in names;`),
      errors: [{ messageId: 'in' }],
    },
  ],
});
