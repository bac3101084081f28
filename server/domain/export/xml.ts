// A small XML writer for the GraphML and GEXF exports. It exists because the values must come back
// exactly: XML parsers turn a raw CR (or CR LF) in text into LF, and tabs and line breaks in an
// attribute into spaces, so those are written as character references here; general-purpose
// builders write them raw. XML 1.0 cannot hold some characters at all (xmlChars says which and
// what replaces them); the files carry xmlReplacementNote so a reader knows.

import type { Chunk } from './chunks.ts';
import { fileText } from './chunks.ts';

export const xmlReplacementNote =
  'Characters XML 1.0 cannot hold are replaced: C0 control characters other than tab, line feed and ' +
  'carriage return by their Unicode control pictures (U+2400 to U+241F; ESC becomes U+241B), and ' +
  'U+FFFE, U+FFFF and unpaired surrogates by U+FFFD. Tab, line feed and carriage return are kept.';

// C0 controls XML 1.0 excludes, the two noncharacters it excludes, and unpaired surrogates.
const notXml =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with every character XML 1.0 cannot hold replaced as xmlReplacementNote says. */
export function xmlChars(text: string): string {
  return text.replace(notXml, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\uFFFD';
  });
}

const named = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
]);
const reference = (c: string) => named.get(c) ?? `&#${c.charCodeAt(0)};`;

// Written as references, because parsers change them when raw: CR (to LF, in text), tab, LF and
// CR (to spaces, in attributes), and NEL, LS and PS, which XML 1.1 parsers (and some 1.0 ones)
// take for line ends; DEL and the C1 controls are legal but discouraged raw.
export function escapeText(text: string): string {
  return xmlChars(text).replace(/[&<>\r\u007F-\u009F\u2028\u2029]/g, reference);
}

export function escapeAttribute(text: string): string {
  return xmlChars(text).replace(/[&<>"\t\n\r\u007F-\u009F\u2028\u2029]/g, reference);
}

export interface XmlElement {
  name: string;
  /** Attributes in order; undefined ones are left out. */
  attributes?: Record<string, string | number | undefined>;
  /** Child elements, or the element's text (written on the element's line, never re-indented). Children
   *  may be produced as the document is written (a generator), with '' as a pause between them. */
  children?: Iterable<XmlElement | ''>;
  text?: string;
}

function openTag(element: XmlElement, indent: string): string {
  const attributes = Object.entries(element.attributes ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
  return `${indent}<${element.name}${attributes}`;
}

/** Whether the element and everything in it are already built (no generator among them). */
function built(element: XmlElement): boolean {
  const { children } = element;
  return children === undefined || (Array.isArray(children) && children.every((child) => child !== '' && built(child)));
}

/** A built element's lines. */
function render(element: XmlElement, indent: string, lines: string[]): void {
  const open = openTag(element, indent);
  const children = element.children as XmlElement[] | undefined;
  if (element.text !== undefined) lines.push(`${open}>${escapeText(element.text)}</${element.name}>`);
  else if (!children || children.length === 0) lines.push(`${open}/>`);
  else {
    lines.push(`${open}>`);
    for (const child of children) render(child, `${indent}  `, lines);
    lines.push(`${indent}</${element.name}>`);
  }
}

/** An element's text, each line ending in LF: a built element at once, one with generated children a child at a time. */
function* elementChunks(element: XmlElement, indent: string): Generator<Chunk> {
  if (element.text !== undefined || built(element)) {
    const lines: string[] = [];
    render(element, indent, lines);
    yield `${lines.join('\n')}\n`;
    return;
  }
  const open = openTag(element, indent);
  let opened = false;
  for (const child of element.children!) {
    if (child === '') {
      yield '';
      continue;
    }
    if (!opened) yield `${open}>\n`;
    opened = true;
    yield* elementChunks(child, `${indent}  `);
  }
  yield opened ? `${indent}</${element.name}>\n` : `${open}/>\n`;
}

/** An XML 1.0 document in UTF-8, a piece at a time: the declaration, a comment (if any), then the root element. */
export function* xmlChunks(root: XmlElement, comment?: string): Generator<Chunk> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  // "--" may not appear in a comment.
  if (comment) yield `<!-- ${xmlChars(comment).replace(/-{2,}/g, '-')} -->\n`;
  yield* elementChunks(root, '');
}

/** An XML 1.0 document in UTF-8: the declaration, a comment (if any), then the root element. */
export function xmlDocument(root: XmlElement, comment?: string): string {
  return fileText(xmlChunks(root, comment));
}
