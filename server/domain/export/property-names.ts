// Formats that keep properties beside structural fields in one namespace (a CSV header, a GraphML
// key, a GEXF attribute title, a Cytoscape data map) write a property whose name is one of those
// fields under `property.<name>`, so it can neither overwrite the structure nor be read as it.
// Names that already begin with the prefix get it too, which keeps the renaming reversible: a
// reader strips one `property.` from any name that starts with it and has the property's name.

export const propertyPrefix = 'property.';

/**
 * The name a property is written under, given the structural names of the format. Structural
 * names match without regard to case or surrounding spaces, as Gephi's importer compares them.
 */
export function propertyKey(name: string, structural: readonly string[]): string {
  const plain = name.trim().toLowerCase();
  const taken = structural.some((field) => field.toLowerCase() === plain);
  return taken || name.startsWith(propertyPrefix) ? `${propertyPrefix}${name}` : name;
}

/** The property name a written key stands for (the inverse of propertyKey). */
export function propertyName(key: string): string {
  return key.startsWith(propertyPrefix) ? key.slice(propertyPrefix.length) : key;
}
