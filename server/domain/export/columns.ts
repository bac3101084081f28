// Property keys as typed columns, for the formats that declare them (GraphML keys, GEXF
// attributes, neo4j-admin headers): each key gets the narrowest type every value of it fits.
import type { JsonValue } from '../../../common/api.ts';

export type ScalarType = 'boolean' | 'long' | 'double' | 'string';

export interface Column {
  name: string;
  /** The type of the values, or of their elements when `list` is set. */
  type: ScalarType;
  /** Every value is a list of `type`. */
  list: boolean;
  /** Values of different shapes (lists beside scalars, maps, nested lists): non-strings are JSON text. */
  mixed: boolean;
}

type Shape = { list: boolean; type: ScalarType | undefined } | 'json';

function scalarType(value: JsonValue): ScalarType | undefined {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : Number.isFinite(value) ? 'double' : 'string';
  if (typeof value === 'string') return 'string';
  return undefined;
}

function widen(a: ScalarType | undefined, b: ScalarType | undefined): ScalarType | undefined {
  if (a === undefined || a === b) return b;
  if (b === undefined) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

function shapeOf(value: JsonValue): Shape {
  if (Array.isArray(value)) {
    let type: ScalarType | undefined;
    for (const item of value) {
      const itemType = scalarType(item);
      if (itemType === undefined) return 'json';
      type = widen(type, itemType);
    }
    return { list: true, type };
  }
  const type = scalarType(value);
  return type === undefined ? 'json' : { list: false, type };
}

/** Collects the columns of property maps one map at a time, so a writer can pause between them. */
export class ColumnScan {
  private readonly seen = new Map<string, { shapes: Set<boolean>; type: ScalarType | undefined; json: boolean }>();

  constructor(private readonly exclude: readonly string[] = []) {}

  add(properties: Record<string, JsonValue>): void {
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || this.exclude.includes(name)) continue;
      const entry = this.seen.get(name) ?? { shapes: new Set<boolean>(), type: undefined, json: false };
      this.seen.set(name, entry);
      const shape = shapeOf(value);
      if (shape === 'json') entry.json = true;
      else {
        entry.shapes.add(shape.list);
        entry.type = widen(entry.type, shape.type);
      }
    }
  }

  /** The columns so far, sorted by name. */
  columns(): Column[] {
    return [...this.seen]
      .map(([name, { shapes, type, json }]) => {
        const mixed = json || shapes.size > 1;
        return { name, type: mixed ? 'string' : (type ?? 'string'), list: !mixed && shapes.has(true), mixed } as Column;
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** The columns of these property maps (minus `exclude`), sorted by name. Null values are absent. */
export function propertyColumns(items: Record<string, JsonValue>[], exclude: readonly string[] = []): Column[] {
  const scan = new ColumnScan(exclude);
  for (const properties of items) scan.add(properties);
  return scan.columns();
}

/** A value as the text of a column: strings as they are, numbers and booleans as JS writes them, the rest as JSON. */
export function valueText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
