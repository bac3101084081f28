// A filter over names (node labels, relationship types) that stays right as new names arrive:
// either every name except some ("all" and unticking from there), or only some names ("none" and
// ticking from there). A name never seen before is shown in the first form and hidden in the second.

export type NameFilter = { readonly except: readonly string[] } | { readonly only: readonly string[] };

export const allNames: NameFilter = { except: [] };
export const noNames: NameFilter = { only: [] };

export function isShown(filter: NameFilter, name: string): boolean {
  return 'only' in filter ? filter.only.includes(name) : !filter.except.includes(name);
}

/** The filter with `name` shown or not; the other names keep their state. */
export function setShown(filter: NameFilter, name: string, shown: boolean): NameFilter {
  if ('only' in filter) {
    const only = filter.only.filter((other) => other !== name);
    return { only: shown ? [...only, name].sort() : only };
  }
  const except = filter.except.filter((other) => other !== name);
  return { except: shown ? except : [...except, name].sort() };
}

/** Does the filter show every name? */
export function showsAll(filter: NameFilter): boolean {
  return 'except' in filter && filter.except.length === 0;
}

/** The names of `names` the filter hides. */
export function hiddenAmong(filter: NameFilter, names: Iterable<string>): string[] {
  return [...names].filter((name) => !isShown(filter, name));
}

export function sameFilter(a: NameFilter, b: NameFilter): boolean {
  if ('only' in a !== 'only' in b) return false;
  const left = 'only' in a ? a.only : a.except;
  const right = 'only' in b ? b.only : (b as { except: readonly string[] }).except;
  return left.length === right.length && left.every((name, index) => name === right[index]);
}
