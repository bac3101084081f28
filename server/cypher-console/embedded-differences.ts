// Where the embedded engine's Cypher answers differently from Neo4j's (README: "Cypher on the
// embedded store"), each with the construct that shows it, found in a query's parse tree (the tree
// the read-only check already has: parsed-guard.ts). A finding is a warning on the result, not a
// refusal: the query may well hold no value the difference touches.
import type { SimpleTree } from '@neo4j-cypher/language-support';

export interface EmbeddedDifference {
  id: string;
  /** What the warning says, naming the construct and the way around it. */
  warning: string;
  /** A query that shows the difference (tests/store/embedded-differences.test.ts runs it). */
  example: string;
  /** Does the query use the construct? */
  found(tree: SimpleTree): boolean;
}

const children = (tree: SimpleTree): SimpleTree[] => tree.children ?? [];
const isLeaf = (tree: SimpleTree) => children(tree).length === 0;

/** Every node of the tree, depth first. */
function* nodes(tree: SimpleTree): Generator<SimpleTree> {
  yield tree;
  for (const child of children(tree)) yield* nodes(child);
}

const rules = (tree: SimpleTree, name: string) => [...nodes(tree)].filter((n) => n.name === name && !isLeaf(n));
const leaves = (tree: SimpleTree) => [...nodes(tree)].filter(isLeaf).map((leaf) => leaf.name);
const hasLeaf = (tree: SimpleTree, text: string) =>
  children(tree).some((child) => isLeaf(child) && child.name.toUpperCase() === text.toUpperCase());

type Atom = 'list' | 'map' | 'string' | 'number' | 'boolean' | 'null' | 'other';

/** What an operand is when it is a plain literal: followed down while it has one child. */
function atomOf(tree: SimpleTree): Atom {
  let node = tree;
  let rule = tree.name;
  while (children(node).length === 1) {
    rule = node.name;
    node = children(node)[0]!;
  }
  if (!isLeaf(node)) {
    if (node.name === 'listLiteral') return 'list';
    if (node.name === 'map') return 'map';
    if (node.name === 'numberLiteral') return 'number';
    // a signed number: expression3 with a leading + or -
    if (node.name === 'expression3' && atomOf(children(node)[1]!) === 'number') return 'number';
    return 'other';
  }
  if (rule === 'stringLiteral') return 'string';
  if (rule === 'numberLiteral') return 'number';
  if (rule === 'literal' && /^(true|false)$/i.test(node.name)) return 'boolean';
  if (rule === 'literal' && /^null$/i.test(node.name)) return 'null';
  return 'other';
}

/** The operands and operators of a binary-operator rule (`a = b <> c`). */
function operands(tree: SimpleTree): { operators: string[]; operands: SimpleTree[] } {
  const all = children(tree);
  return { operators: all.filter(isLeaf).map((leaf) => leaf.name), operands: all.filter((child) => !isLeaf(child)) };
}

const comparisons = (tree: SimpleTree, operators: string[]) =>
  rules(tree, 'expression8').filter((rule) => operands(rule).operators.some((op) => operators.includes(op)));

/** The dotted name of a function call, lower case (`date.truncate`). */
const functionNames = (tree: SimpleTree) =>
  rules(tree, 'functionName').map((name) =>
    leaves(name)
      .filter((text) => text !== '.' && text !== 'namespace')
      .join('.')
      .toLowerCase(),
  );

const temporalNamespaces = ['date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration'];
const aggregates = new Set(['count', 'sum', 'avg', 'min', 'max', 'collect', 'stdev', 'stdevp', 'percentilecont']);

/** Names a variable node holds (its one leaf), unquoted. */
const variableName = (tree: SimpleTree) => leaves(tree).join('').replace(/^`|`$/g, '');

export const embeddedDifferences: EmbeddedDifference[] = [
  {
    id: 'null-in-collection-equality',
    warning:
      'Lists or maps compared with = or <>: when they hold null, the embedded engine answers true or false where Neo4j answers null ([null] = [1] is false here, null on Neo4j). Compare the elements you mean, with IS NULL for the missing ones.',
    example: 'RETURN [null] = [1] AS r',
    found: (tree) =>
      comparisons(tree, ['=', '<>', '!=']).some((rule) =>
        operands(rule).operands.some((operand) => ['list', 'map'].includes(atomOf(operand))),
      ),
  },
  {
    id: 'null-in-list-predicate',
    warning:
      'all/any/none/single over a list that may hold null: the embedded engine skips the null where Neo4j answers null (none(x IN [null] WHERE x = 2) is true here). Filter nulls out first: [x IN list WHERE x IS NOT NULL].',
    example: 'RETURN none(x IN [null] WHERE x = 2) AS r',
    // A list can hold null when it is written out (of other things than literals) or a parameter;
    // labels(), collect() and stored list properties never do.
    found: (tree) =>
      rules(tree, 'listItemsPredicate').some((predicate) => {
        const list = children(predicate).find((child) => child.name === 'expression');
        if (!list) return false;
        if ([...nodes(list)].some((node) => node.name === 'parameter')) return true;
        const literal = [...nodes(list)].find((node) => node.name === 'listLiteral');
        return (
          literal !== undefined &&
          children(literal)
            .filter((child) => !isLeaf(child))
            .some((element) => !['number', 'string', 'boolean'].includes(atomOf(element)))
        );
      }),
  },
  {
    id: 'string-number-coercion',
    warning:
      "A string compared with a number: the embedded engine converts one to the other where Neo4j never finds them equal ('1.0' = 1.0 and 1 IN ['1', 2] are true here, false on Neo4j). Convert explicitly: toFloat(s) = 1.0, toString(n) IN [...].",
    example: "RETURN '1.0' = 1.0 AS r",
    found: (tree) =>
      comparisons(tree, ['=', '<>', '!=']).some((rule) => {
        const kinds = new Set(operands(rule).operands.map(atomOf));
        return kinds.has('string') && kinds.has('number');
      }) ||
      rules(tree, 'expression7').some((rule) => {
        const [left, comparison] = children(rule);
        if (!left || !comparison || !hasLeaf(comparison, 'IN')) return false;
        const list = children(comparison).find((child) => !isLeaf(child));
        const listRule = list && [...nodes(list)].find((node) => node.name === 'listLiteral');
        if (!listRule) return false;
        const kinds = new Set([
          atomOf(left),
          ...children(listRule)
            .filter((child) => !isLeaf(child))
            .map(atomOf),
        ]);
        return kinds.has('string') && kinds.has('number');
      }),
  },
  {
    id: 'ordering-lists-booleans',
    warning:
      'Lists or booleans ordered with <, >, <= or >=: the embedded engine answers null where Neo4j orders them ([1, 0] >= [1] is null here, true on Neo4j). Compare their elements, or toInteger(b) for booleans.',
    example: 'RETURN [1, 0] >= [1] AS r',
    found: (tree) =>
      comparisons(tree, ['<', '>', '<=', '>=']).some((rule) =>
        operands(rule).operands.some((operand) => ['list', 'boolean'].includes(atomOf(operand))),
      ),
  },
  {
    id: 'namespaced-temporal-functions',
    warning:
      "Namespaced temporal functions (datetime.fromepoch, duration.between, date.truncate, ...) do not parse on the embedded engine. Use the constructors: datetime({epochSeconds: s}), date({year: d.year, month: d.month, day: 1}); for a span, compare the dates' fields.",
    example: "RETURN date.truncate('month', date('2024-08-21')) AS r",
    found: (tree) =>
      functionNames(tree).some((name) => temporalNamespaces.includes(name.split('.').slice(0, -1).join('.'))),
  },
  {
    id: 'sub-millisecond-temporal',
    warning:
      'Fractions of a second finer than the engine keeps: the embedded store cuts times to microseconds and a local date-time to milliseconds (Neo4j keeps nanoseconds). Compare at the precision the data has.',
    example: "RETURN localdatetime('2024-01-02T03:04:05.123456789') AS r",
    found: (tree) =>
      rules(tree, 'functionInvocation').some((call) => {
        const name = functionNames(call)[0] ?? '';
        if (!temporalNamespaces.includes(name)) return false;
        const digits = name === 'localdatetime' ? 4 : 7;
        return leaves(call).some((text) => new RegExp(`^['"].*\\.\\d{${digits},}`).test(text));
      }),
  },
  {
    id: 'with-where-dropped-variable',
    warning:
      'WITH ... WHERE reading a variable the WITH does not pass on: Neo4j lets WHERE see it, the embedded engine reports it undefined. Pass it on (WITH c, r WHERE r IS NULL), or filter before the WITH.',
    example: 'MATCH (c)-[r]->() WITH c WHERE r IS NULL RETURN count(c) AS r',
    found: (tree) =>
      rules(tree, 'singleQuery').some((query) => {
        const bound = new Set<string>();
        for (const clause of children(query)) {
          const inner = children(clause)[0];
          if (inner?.name === 'withClause') {
            const items = rules(inner, 'returnItem');
            if (hasLeaf(rules(inner, 'returnItems')[0] ?? inner, '*')) continue;
            const passed = new Set(
              items.map((item) => {
                const named = children(item);
                const alias = named[named.length - 1]!;
                return hasLeaf(item, 'AS') ? variableName(alias) : leaves(item).join('');
              }),
            );
            const where = children(inner).find((child) => child.name === 'whereClause');
            const read = where ? rules(where, 'variable').map(variableName) : [];
            if (read.some((name) => bound.has(name) && !passed.has(name))) return true;
            // past the WITH, only what it passed on is in scope
            bound.clear();
            passed.forEach((name) => bound.add(name));
          } else if (inner) {
            for (const variable of rules(inner, 'variable')) bound.add(variableName(variable));
          }
        }
        return false;
      }),
  },
  {
    id: 'zero-length-named-path',
    warning:
      'A named path of a single node (MATCH p = (a)): the embedded engine reports p undefined. Return the node, or match a relationship.',
    example: 'MATCH p = (a:Country) RETURN length(p) AS r LIMIT 1',
    found: (tree) =>
      rules(tree, 'pattern').some((pattern) => {
        if (!hasLeaf(pattern, '=')) return false;
        const element = [...nodes(pattern)].find((node) => node.name === 'patternElement');
        return element !== undefined && children(element).length === 1 && children(element)[0]!.name === 'nodePattern';
      }),
  },
  {
    id: 'reversed-length-range',
    warning:
      'A variable-length range whose lower bound is above its upper one ([:T*2..1]): Neo4j matches nothing, the embedded engine still matches. Write the bounds in order.',
    example: 'MATCH (a)-[*2..1]->(b) RETURN count(*) > 0 AS r',
    found: (tree) =>
      rules(tree, 'pathLength').some((length) => {
        const bounds = leaves(length);
        const dots = bounds.indexOf('..');
        const from = Number(bounds[dots - 1]);
        const to = Number(bounds[dots + 1]);
        return dots > 0 && Number.isInteger(from) && Number.isInteger(to) && from > to;
      }),
  },
  {
    id: 'negative-slice',
    warning:
      'A list slice with a negative bound ([..-1], [-2..]): Neo4j counts it from the end, the embedded engine does not ([1, 2, 3][-2..] is [] here, [2, 3] on Neo4j). Use size(): list[size(list) - 2..].',
    example: 'RETURN [1, 2, 3][-2..] AS r',
    found: (tree) => rules(tree, 'postFix').some((postfix) => hasLeaf(postfix, '..') && leaves(postfix).includes('-')),
  },
  {
    id: 'power-associativity',
    warning:
      'A chain of ^ (2 ^ 3 ^ 2): the embedded engine groups it from the right (512), Neo4j from the left (64.0). Write the parentheses.',
    example: 'RETURN 2 ^ 3 ^ 2 AS r',
    found: (tree) =>
      rules(tree, 'expression4').some((rule) => operands(rule).operators.filter((op) => op === '^').length > 1),
  },
  {
    id: 'unnamed-aggregate-beside-node',
    warning:
      'An aggregate without AS beside other columns (RETURN n, count(*)): the embedded engine may return the node as its internal id. Name the aggregate: count(*) AS c.',
    example: 'MATCH (n:Country) RETURN n, collect(n.id) LIMIT 1',
    found: (tree) =>
      rules(tree, 'returnItems').some((items) => {
        const list = children(items).filter((child) => child.name === 'returnItem');
        return (
          list.length > 1 &&
          list.some(
            (item) =>
              !hasLeaf(item, 'AS') &&
              (rules(item, 'countStar').length > 0 || functionNames(item).some((name) => aggregates.has(name))),
          )
        );
      }),
  },
  {
    id: 'type-errors-not-raised',
    warning:
      'AND, OR, XOR or NOT on a number or a string: Neo4j refuses the query (a type error), the embedded engine answers null. Compare explicitly (x <> 0).',
    example: 'RETURN 123 AND true AS r',
    found: (tree) =>
      ['expression', 'expression11', 'expression10'].some((name) =>
        rules(tree, name).some(
          (rule) =>
            operands(rule).operators.length > 0 &&
            operands(rule).operands.some((operand) => ['number', 'string'].includes(atomOf(operand))),
        ),
      ) ||
      rules(tree, 'expression9').some(
        (rule) => hasLeaf(rule, 'NOT') && ['number', 'string'].includes(atomOf(children(rule).at(-1)!)),
      ),
  },
  {
    id: 'variable-bound-twice',
    warning:
      'CREATE of a node variable that is already bound (MATCH (a) CREATE (a)): Neo4j refuses the query, the embedded engine does nothing. Create a new variable, or use MERGE.',
    example: "MATCH (a {id: 'country:RUS'}) CREATE (a)",
    found: (tree) =>
      rules(tree, 'singleQuery').some((query) => {
        const bound = new Set<string>();
        for (const clause of children(query)) {
          const inner = children(clause)[0];
          if (!inner) continue;
          if (inner.name === 'createClause') {
            const lone = rules(inner, 'patternElement').filter(
              (element) => children(element).length === 1 && children(element)[0]!.name === 'nodePattern',
            );
            if (lone.some((element) => rules(element, 'variable').some((v) => bound.has(variableName(v))))) return true;
          }
          for (const variable of rules(inner, 'variable')) bound.add(variableName(variable));
        }
        return false;
      }),
  },
];

/** The differences a parsed query runs into, by id. */
export function differencesIn(tree: SimpleTree): string[] {
  return embeddedDifferences.filter((difference) => difference.found(tree)).map((difference) => difference.id);
}

const byId = new Map(embeddedDifferences.map((difference) => [difference.id, difference]));

/** The warnings for these differences, for a result. */
export const warningsFor = (ids: readonly string[]): string[] =>
  ids.flatMap((id) => {
    const difference = byId.get(id);
    return difference ? [difference.warning] : [];
  });
