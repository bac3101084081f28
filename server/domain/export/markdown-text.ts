// Text from the graph written into Markdown as text, never as markup. Names, summaries, titles and
// quotes are data anyone could have written: a backslash before every character CommonMark (and
// GitHub's tables, strikethrough and autolinks) could read as markup keeps them inert, so the
// rendered text is the stored text. Raw HTML and entities start with < or &, which are escaped too.

/** Characters that are markup anywhere in a line. */
const inlineMarkup = /[\\`*_[\]<>&#|~]/g;
/** What starts a block (a list item, a setext underline) only at the start of a line. */
const blockStart = /^(\s*)([-+=]|\d+(?=[.)]))/;
/** Line ends as CommonMark reads them, and the Unicode ones other readers do. */
const anyLineEnd = /\r\n|[\r\n\u0085\u2028\u2029]/g;

function escapedLine(line: string): string {
  return line
    .replace(inlineMarkup, '\\$&')
    .replace(blockStart, (_all, space: string, start: string) =>
      /^\d/.test(start) ? `${space}${start}\\` : `${space}\\${start}`,
    );
}

/** Text for one line of Markdown (a heading, a paragraph, a list of sources): line breaks become spaces. */
export function markdownText(text: string): string {
  return escapedLine(text.replace(anyLineEnd, ' '));
}

/** A blockquote of the text: every line of it (whatever ends it: CR, LF or CRLF) stays inside the quote. */
export function markdownQuote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.length > 0 ? `> ${escapedLine(line)}` : '>'))
    .join('\n');
}

/** The address when it is an absolute http(s) URL (as the URL standard writes it), else undefined. */
export function httpAddress(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
