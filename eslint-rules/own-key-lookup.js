// A name from the data (a label, a type, a property key, a column) looked up in a plain object
// reads through Object.prototype: `captions['constructor']` is a function, `'toString' in icons` is
// true, and `record['__proto__'] = value` replaces the prototype instead of storing the value. This
// rule reports a computed read or write, and an `in` test, on a value whose type is a string-keyed
// record (`Record<string, V>`, `{ [key: string]: V }`) with a key that is any string rather than a
// closed set of literals. Use a Map, or the own-property helpers in common/own-keys.ts.
import ts from 'typescript';

/** True when the type (or one of its union members) is indexed by any string. */
function hasStringIndex(checker, type) {
  const apparent = checker.getApparentType(type);
  if (apparent.isUnion()) return apparent.types.some((member) => hasStringIndex(checker, member));
  if (checker.isArrayType(apparent) || checker.isTupleType(apparent)) return false;
  return checker.getIndexInfosOfType(apparent).some((info) => (info.keyType.flags & ts.TypeFlags.String) !== 0);
}

/** True when the key may be any string (not only some literals, not a number or a symbol). */
function isOpenKey(type) {
  if (type.isUnion()) return type.types.some(isOpenKey);
  const open = ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping | ts.TypeFlags.Any;
  return (type.flags & open) !== 0;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Look names up in string-keyed records only through own properties (or a Map)' },
    messages: {
      member:
        'A name looked up in a string-keyed record reads Object.prototype (constructor, __proto__, ...): use a Map, or ownValue/setOwn from common/own-keys.ts.',
      in: '`in` on a string-keyed record is true for Object.prototype members: use Object.hasOwn (or a Map).',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) return {};
    const checker = services.program.getTypeChecker();
    const typeOf = (node) => services.getTypeAtLocation(node);
    return {
      'MemberExpression[computed=true]'(node) {
        if (node.property.type === 'Literal') return;
        if (isOpenKey(typeOf(node.property)) && hasStringIndex(checker, typeOf(node.object)))
          context.report({ node, messageId: 'member' });
      },
      'BinaryExpression[operator="in"]'(node) {
        if (node.left.type === 'Literal' || node.left.type === 'PrivateIdentifier') return;
        if (isOpenKey(typeOf(node.left)) && hasStringIndex(checker, typeOf(node.right)))
          context.report({ node, messageId: 'in' });
      },
    };
  },
};
