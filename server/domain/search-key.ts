/** Lower case with accents stripped, so "Zelenskyy", "zelenskyy" and "Zelénskyy" all match. */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The shortest word start the search index holds: shorter query words give no index term. */
export const minPrefixLength = 2;
/** The longest: longer words are indexed by their first this many characters, and so looked up. */
export const maxPrefixLength = 20;

/** Words of a normalised text: runs of letters and digits (punctuation and spaces separate them). */
export function searchWords(key: string): string[] {
  return key.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/**
 * What the full-text index holds for a node: every start of every word of its name and aliases
 * and of the last segment of its id (`person:li-qiang` -> li, qiang), from minPrefixLength to
 * maxPrefixLength characters, space-separated. A query word is then one exact term, so a word
 * index answers "a word starts with this"; the ranking's exact, prefix and contained tests run on
 * searchName and searchText.
 */
export function searchPrefixes(name: string, aliases: string[], id: string): string {
  const lastSegment = id.slice(id.lastIndexOf(':') + 1);
  const terms = new Set<string>();
  for (const text of [name, ...aliases, lastSegment]) {
    for (const word of searchWords(searchKey(text))) {
      for (let length = minPrefixLength; length <= Math.min(word.length, maxPrefixLength); length++)
        terms.add(word.slice(0, length));
    }
  }
  return [...terms].join(' ');
}

/** The index terms for a normalised query: its words cut to the indexed lengths; none when every
 *  word is shorter than minPrefixLength. */
export function searchTerms(q: string): string[] {
  const terms = searchWords(q)
    .filter((word) => word.length >= minPrefixLength)
    .map((word) => word.slice(0, maxPrefixLength));
  return [...new Set(terms)];
}

/** The derived properties search reads, for a node with this name, these aliases and this id. */
export function searchProperties(
  name: string,
  aliases: string[],
  id: string,
): { searchName: string; searchText: string; searchPrefixes: string } {
  return {
    searchName: searchKey(name),
    searchText: searchKey([name, ...aliases, id].join(' | ')),
    searchPrefixes: searchPrefixes(name, aliases, id),
  };
}
