/**
 * `kubectl get -o custom-columns=HEADER:expr,...` (kubectl's pkg/cmd/get/customcolumn.go): each
 * column is a relaxed JSONPath expression evaluated with client-go's jsonpath, laid out with the
 * same tab writer as `kubectl get` tables.
 */

import { goSprint } from './go-fmt.ts';
import { JsonPathError, newJsonPath, relaxedJsonPath, type JsonPath } from './jsonpath.ts';
import { escapeTerminal } from './prefix-writer.ts';
import { tableWriter } from './tabwriter.ts';

/** CustomColumn is one `<header>:<json-path-expr>` pair, the expression already in `{...}` form. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** CustomColumnsOptions mirrors the flags that reach kubectl's custom-columns printer. */
export interface CustomColumnsOptions {
  noHeaders?: boolean;
}

/** parseCustomColumns is NewCustomColumnsPrinterFromSpec's parsing; throws JsonPathError with kubectl's message. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new JsonPathError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new JsonPathError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

/** printCustomColumns prints objects as one table; a JsonPathError's `output` holds what kubectl printed first. */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  options: CustomColumnsOptions = {},
): string {
  const w = tableWriter();
  if (!options.noHeaders) w.write(`${columns.map((c) => c.header).join('\t')}\n`);
  // kubectl parses the expressions only after writing the header line, so a bad one still shows it.
  const fail = (e: unknown): never => {
    if (e instanceof JsonPathError) throw new JsonPathError(e.message, w.flush());
    throw e;
  };
  const parsers: JsonPath[] = [];
  for (const c of columns) {
    try {
      parsers.push(newJsonPath(c.fieldSpec));
    } catch (e) {
      fail(e);
    }
  }
  for (const obj of objects) {
    const cells = parsers.map((parser) => {
      let values: unknown[][] = [];
      try {
        values = parser.findResults(obj);
      } catch (e) {
        fail(e);
      }
      const strings: string[] = [];
      if (values.length === 0 || values[0]!.length === 0) strings.push('<none>');
      for (const list of values) {
        for (const v of list) strings.push(escapeTerminal(typeof v === 'symbol' ? '<nil>' : goSprint(v)));
      }
      return strings.join(',');
    });
    w.write(`${cells.join('\t')}\n`);
  }
  return w.flush();
}
