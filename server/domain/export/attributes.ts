// Properties as typed attribute columns, for the formats that declare their keys (GraphML, GEXF, CSV).
import type { Properties } from '../../store/graph-values.ts';
import { visibleProperties } from '../elements.ts';

export type AttributeType = 'boolean' | 'long' | 'double' | 'string';

export interface AttributeKey {
  name: string;
  type: AttributeType;
}

/** A property as a scalar: lists and maps become JSON text, so no information is lost. */
export function scalar(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return JSON.stringify(value);
}

function typeOf(value: string | number | boolean): AttributeType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function widen(a: AttributeType, b: AttributeType): AttributeType {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/** The keys of these property maps (minus `exclude`), each with the narrowest type all its values fit. */
export function attributeKeys(items: Properties[], exclude: string[] = []): AttributeKey[] {
  const types = new Map<string, AttributeType>();
  for (const properties of items) {
    for (const [name, value] of Object.entries(visibleProperties(properties))) {
      if (exclude.includes(name)) continue;
      const v = scalar(value);
      if (v === null) continue;
      const known = types.get(name);
      types.set(name, known === undefined ? typeOf(v) : widen(known, typeOf(v)));
    }
  }
  return [...types].map(([name, type]) => ({ name, type })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A value as the text of an attribute (its key's type says how to read it back). */
export function attributeText(value: unknown): string | null {
  const v = scalar(value);
  return v === null ? null : String(v);
}
