/**
 * `kubectl -o jsonpath=...` (and `jsonpath-as-json`): client-go's jsonpath printing and kubectl's
 * wrapping of its errors, plus RelaxedJSONPathExpression for custom-columns and --sort-by.
 */

import { goQuote, goSharpV, goSprint } from './go-fmt.ts';
import { toCompactJSON, toJSON } from './json.ts';
import { INVALID, JsonPath, isGoMap } from './jsonpath-eval.ts';
import { JsonPathError, parseJsonPath } from './jsonpath-parser.ts';

export { JsonPathError } from './jsonpath-parser.ts';
export { JsonPath } from './jsonpath-eval.ts';

/** evalToText is how a non-collection result prints: Go's fmt.Fprint, with `null` for nil. */
function evalToText(v: unknown): string {
  if (v === INVALID) return '<no value>';
  if (v === null || v === undefined) return 'null';
  return goSprint(v);
}

/** printResults is PrintResults: maps and lists as compact JSON, everything else as text, joined by spaces. */
function printResults(results: readonly unknown[], outputJSON: boolean): string {
  if (outputJSON) return toJSON(results.map((r) => (r === INVALID ? null : r)));
  return results.map((r) => (Array.isArray(r) || isGoMap(r) ? toCompactJSON(r) : evalToText(r))).join(' ');
}

/** CompiledJsonPath is a template ready to run against objects, as kubectl's jsonpath printer holds it. */
export interface CompiledJsonPath {
  /** execute prints the template for one object (or List); throws JsonPathError as kubectl fails. */
  execute(data: unknown): string;
}

/** JsonPathOptions selects `-o jsonpath-as-json` (each result list printed as an indented JSON array). */
export interface JsonPathOptions {
  asJSON?: boolean;
}

/** compileJsonPath parses a `-o jsonpath=` template; throws JsonPathError `error parsing jsonpath ...`. */
export function compileJsonPath(template: string, options: JsonPathOptions = {}): CompiledJsonPath {
  // Compile once per command: like client-go's, a template with {range} keeps state between runs.
  let jp: JsonPath;
  try {
    jp = new JsonPath(parseJsonPath(template));
  } catch (e) {
    if (e instanceof JsonPathError) throw new JsonPathError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  return {
    execute(data: unknown): string {
      let full: unknown[][];
      try {
        full = jp.findResults(data);
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        throw new JsonPathError(
          `error executing jsonpath ${goQuote(template)}: Error executing template: ${e.message}. ` +
            'Printing more information for debugging the template:\n' +
            `\ttemplate was:\n\t\t${template}\n` +
            `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`,
        );
      }
      return full.map((r) => printResults(r, options.asJSON === true)).join('');
    },
  };
}

/** newJsonPath parses a template for callers that want client-go's raw errors (custom-columns, --sort-by). */
export function newJsonPath(template: string): JsonPath {
  return new JsonPath(parseJsonPath(template));
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** relaxedJsonPath is kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2] ?? ''}}`;
}
