import { CsvError, parse } from 'csv-parse/sync';
import type { CsvRowError } from './views';

/** One data row: the file line it starts on (the header is line 1) and its cells by column. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  delimiter: ',' | ';';
  /** The known columns the header names, normalised (`Compare at price` is `compare_at_price`). */
  columns: string[];
  records: CsvRecord[];
  /** Unreadable structure: a quote never closed, unknown or repeated columns, extra cells. */
  errors: CsvRowError[];
}

/** `Option 1 Value`, `option1-value` and `OPTION1_VALUE` all name `option1_value`. */
export function normaliseColumn(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^option_(\d)/, 'option$1');
}

/**
 * European spreadsheet programs write `;` (their decimal mark is the comma): the header line
 * decides, so a value such as `12,50` in a semicolon file is never split.
 */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|\r|$/));
  const count = (mark: string) => header.split(mark).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * Reads a CSV file with csv-parse: UTF-8 with or without a byte-order mark, `,` or `;`,
 * quoted cells holding delimiters, doubled quotes and line breaks, CRLF/LF/CR line ends. Blank
 * lines and empty trailing columns are ignored. Cells are trimmed and their line breaks made `\n`.
 * `ignored` columns (an `id` from another platform) are accepted and dropped.
 */
export function readCsv(
  text: string,
  known: readonly string[],
  ignored: readonly string[] = [],
): CsvTable {
  const delimiter = delimiterOf(text.replace(/^\uFEFF/, ''));
  const errors: CsvRowError[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: { lines: number } }[]; // `info: true` wraps each record
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return {
        delimiter,
        columns: [],
        records: [],
        errors: [{ line, column: '', message: `The file cannot be read here: ${error.message}` }],
      };
    }
    throw error;
  }
  const [header, ...body] = rows;
  if (!header || header.record.every((cell) => !cell.trim())) {
    return {
      delimiter,
      columns: [],
      records: [],
      errors: [
        { line: 1, column: '', message: 'The file is empty: the first line must name the columns' },
      ],
    };
  }
  const names = header.record.map(normaliseColumn);
  const columns: string[] = [];
  names.forEach((name, index) => {
    if (!name || ignored.includes(name)) return;
    if (!known.includes(name)) {
      errors.push({
        line: 1,
        column: header.record[index]!.trim(),
        message: `Unknown column. Known columns: ${known.join(', ')}`,
      });
    } else if (columns.includes(name)) {
      errors.push({ line: 1, column: name, message: 'This column appears twice' });
    } else {
      columns.push(name);
    }
  });
  const records: CsvRecord[] = [];
  let previousEnd = header.info.lines;
  for (const { record, info } of body) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => !cell.trim())) continue; // a blank line
    const cells: Record<string, string> = {};
    record.forEach((raw, index) => {
      const value = raw.replace(/\r\n?/g, '\n').trim();
      const name = names[index];
      if (index >= names.length || !name) {
        if (value) {
          errors.push({
            line,
            column: `column ${index + 1}`,
            message: 'This cell has no column in the header',
          });
        }
        return;
      }
      if (columns.includes(name) && !(name in cells)) cells[name] = value;
    });
    records.push({ line, cells });
  }
  return { delimiter, columns, records, errors };
}
