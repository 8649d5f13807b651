/*
 * Report cells hold text that users typed (titles, reasons, notes): it must not change the document
 * around it (a `|` ending a table cell, a newline starting a heading, HTML) nor run as a formula when a
 * spreadsheet opens the CSV (OWASP "CSV injection").
 */

/** C0/C1 controls (newlines included), bidi controls, line and paragraph separators. */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]+/gu;

const oneLine = (value: string): string => value.replace(UNSAFE, ' ');

/**
 * Markdown inline text: the characters with an inline meaning in CommonMark/GFM are backslash-escaped
 * (emphasis, code, links, images, HTML, entities, tables, strike-through). Block markers (`#`, `-`, `1.`)
 * only mean something at a line start, and report text never starts a line.
 */
export const mdText = (value: string | null | undefined): string =>
  value == null || value === ''
    ? '–'
    : oneLine(value)
        .replace(/[\\`*_[\]()!|<>~&]/g, (character) => `\\${character}`)
        .trim() || '–';

/** A link is shown as its escaped text (never as a clickable `javascript:`): the reader copies it. */
export const mdUrl = (value: string | null | undefined): string => mdText(value);

/** Cells starting like a formula get a leading `'` (shown as text by spreadsheets). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-neutralised, quoted when it holds a separator, a quote or a line break. */
export const csvCell = (value: string | number | boolean | null | undefined): string => {
  if (value == null) return '';
  let text = String(value).replace(/\r\n?/g, '\n');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvRow = (cells: readonly (string | number | boolean | null | undefined)[]): string =>
  cells.map(csvCell).join(',');
