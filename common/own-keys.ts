// Names from the data (labels, types, property keys, columns, node ids) as keys of plain objects.
// A plain object inherits Object.prototype: `record['constructor']` is a function when the record
// has no such key, and `record['__proto__'] = value` replaces the prototype instead of storing a
// value. These read and write own properties only; the lint rule own-key-lookup (eslint.config.js)
// keeps every other lookup by a name off plain objects.

/** The record's own value for the key, never one inherited from Object.prototype. */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  // eslint-disable-next-line kg/own-key-lookup -- read only after the own-property check
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores the value as the record's own property, `__proto__` included (an assignment would set the prototype). */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
