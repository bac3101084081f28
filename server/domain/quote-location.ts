// Where a quote sits in an article. Quotes are checked verbatim after collapsing whitespace (the
// loader's check, which uses collapseWhitespace from here), so they are found the same way and
// the place is mapped back to the article's own text, line breaks and all.

/** Runs of whitespace become one space; the ends are trimmed. */
export const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** [start, end) in UTF-16 code units, as String.prototype.slice takes them. */
export interface TextSpan {
  start: number;
  end: number;
}

/** collapseWhitespace(text), and for each of its characters the index in `text` it comes from. */
export function collapseWithOrigins(text: string): { collapsed: string; origins: number[] } {
  let collapsed = '';
  const origins: number[] = [];
  let spaceAt = -1;
  for (let index = 0; index < text.length; index++) {
    if (/\s/.test(text[index]!)) {
      if (spaceAt < 0) spaceAt = index;
      continue;
    }
    if (spaceAt >= 0 && collapsed.length > 0) {
      collapsed += ' ';
      origins.push(spaceAt);
    }
    spaceAt = -1;
    collapsed += text[index];
    origins.push(index);
  }
  return { collapsed, origins };
}

/**
 * The span of `text` holding `quote` (its first occurrence), whitespace differences aside: the
 * span starts at the quote's first character and ends after its last. Undefined when the quote
 * is not in the text or is blank.
 */
export function locateQuote(
  text: string,
  quote: string,
  collapsedText = collapseWithOrigins(text),
): TextSpan | undefined {
  const wanted = collapseWhitespace(quote);
  if (wanted.length === 0) return undefined;
  const at = collapsedText.collapsed.indexOf(wanted);
  if (at < 0) return undefined;
  return { start: collapsedText.origins[at]!, end: collapsedText.origins[at + wanted.length - 1]! + 1 };
}
