// Formula injection: a spreadsheet opening a CSV runs a cell that starts with =, +, - or @ (some
// also tab, carriage return, NUL, or the full-width forms of the four) as a formula, e.g.
// =HYPERLINK(...) or =cmd|'/c calc'!A0. OWASP's defence is to put a single quote in front of
// such a cell, which makes it text. A cell that already starts with a quote gets one too, so the
// rule can be undone exactly: a reader removes one leading ' from every cell that has one.

const formulaStart = /^[=+\-@\t\r\0'\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell for a CSV meant for spreadsheets, neutralised as OWASP recommends. */
export function spreadsheetText(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
