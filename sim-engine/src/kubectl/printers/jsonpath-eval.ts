/**
 * The evaluator of k8s.io/client-go/util/jsonpath (jsonpath.go) with AllowMissingKeys(true), as
 * kubectl runs it. Values are JSON-like data as an unstructured object holds it: integers are
 * int64, other numbers float64, null a nil interface; GoNumber covers the Go types JSON lacks.
 */

import { GoNumber, goSprint, goTypeName, isGoInteger, utf8Bytes } from './go-fmt.ts';
import { JsonPathError, type JsonPathNode, type ListNode, type ParamsEntry } from './jsonpath-parser.ts';
import { compareGoStrings } from './labels.ts';

/** INVALID is Go's zero reflect.Value: what a range body sees for a nil element, printed `<no value>`. */
export const INVALID: unique symbol = Symbol('invalid reflect.Value');

/** WalkError carries the values the failing Go function returned alongside its error; `exists` filters use them. */
class WalkError extends Error {
  readonly values: readonly unknown[];

  constructor(message: string, values: readonly unknown[]) {
    super(message);
    this.values = values;
  }
}

/** isGoMap reports whether a value is a map[string]interface{} (a plain object). */
export function isGoMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);
}

/** iface is reflect.ValueOf(value.Interface()): a nil element becomes the zero Value. */
const iface = (v: unknown): unknown => (v === null || v === undefined ? INVALID : v);

/** JsonPath is a parsed template with client-go's mutable evaluation state. */
export class JsonPath {
  // client-go narrows Root.Nodes while ranging and never restores it, and keeps its range
  // counters between runs; both are kept so repeated executions misbehave exactly as kubectl's.
  private nodes: readonly JsonPathNode[];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(root: ListNode) {
    this.nodes = root.nodes;
  }

  /** findResults is FindResults: one list of values per top-level node; throws JsonPathError with client-go's raw message. */
  findResults(data: unknown): unknown[][] {
    try {
      return this.find(iface(data));
    } catch (e) {
      if (e instanceof WalkError) throw new JsonPathError(e.message);
      throw e;
    }
  }

  private find(data: unknown): unknown[][] {
    const cur = [data];
    const nodes = this.nodes;
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.nodes = nodes.slice(i + 1);
            full.push(...this.find(iface(value)));
          }
        } else {
          // An empty range still walks its body, only to find where its {end} is.
          this.nodes = nodes.slice(i + 1);
          this.find(INVALID);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: readonly unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return evalField(input, node.name);
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => new GoNumber('int', node.value));
      case 'float':
        return input.map(() => new GoNumber('float64', node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return evalWildcard(input);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return this.evalUnion(input, node.nodes);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: readonly unknown[], list: ListNode): unknown[] {
    let cur = [...input];
    for (const node of list.nodes) cur = this.walk(cur, node);
    return cur;
  }

  private evalIdentifier(input: readonly unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++;
      return [...input];
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new WalkError('not in range, nothing to end', []);
    }
    throw new WalkError(`unrecognized identifier ${name}`, input);
  }

  private evalUnion(input: readonly unknown[], lists: readonly ListNode[]): unknown[] {
    const result: unknown[] = [];
    for (const list of lists) {
      try {
        result.push(...this.evalList(input, list));
      } catch (e) {
        if (e instanceof WalkError) throw new WalkError(e.message, input);
        throw e;
      }
    }
    return result;
  }

  private evalFilter(input: readonly unknown[], node: Extract<JsonPathNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        const shown = value === INVALID ? '<invalid reflect.Value>' : goSprint(value);
        throw new WalkError(`${shown} is not array or slice and cannot be filtered`, input);
      }
      for (const item of value as unknown[]) {
        const temp = [item];
        let lefts: readonly unknown[];
        let leftError: WalkError | undefined;
        try {
          lefts = this.evalList(temp, node.left);
        } catch (e) {
          if (!(e instanceof WalkError)) throw e;
          leftError = e;
          lefts = e.values;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftError) throw new WalkError(leftError.message, input);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new WalkError('can only compare one element at a time', input);
        let rights: readonly unknown[];
        try {
          rights = this.evalList(temp, node.right);
        } catch (e) {
          if (e instanceof WalkError) throw new WalkError(e.message, input);
          throw e;
        }
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new WalkError('can only compare one element at a time', input);
        const pass = compare(node.operator, lefts[0], rights[0]);
        if (typeof pass === 'string') throw new WalkError(pass, results);
        if (pass) results.push(item);
      }
    }
    return results;
  }
}

function evalField(input: readonly unknown[], name: string): unknown[] {
  const results: unknown[] = [];
  for (const value of input) {
    if (isGoMap(value) && Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined) {
      results.push(value[name]);
    }
  }
  // Missing keys are no error: kubectl runs its printers with AllowMissingKeys(true).
  return results;
}

function evalArray(input: readonly unknown[], node: readonly [ParamsEntry, ParamsEntry, ParamsEntry]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (value === null || value === undefined) continue;
    // Go would panic here (reflect.Value.Type on the zero Value); this is the panic's text.
    if (value === INVALID) throw new WalkError('reflect: call of reflect.Value.Type on zero Value', input);
    if (!Array.isArray(value)) throw new WalkError(`${goTypeName(value)} is not array or slice`, input);
    const [p0, p1, p2] = node.map((p) => ({ ...p })) as [ParamsEntry, ParamsEntry, ParamsEntry];
    const len = value.length;
    if (!p0.known) p0.value = 0;
    if (p0.value < 0) p0.value += len;
    if (!p1.known) p1.value = len;
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
    if (p1.value === p0.value) return result;
    if (p0.value >= len || p0.value < 0) {
      throw new WalkError(`array index out of bounds: index ${p0.value}, length ${len}`, input);
    }
    if (p1.value > len || p1.value < 0) {
      throw new WalkError(`array index out of bounds: index ${p1.value - 1}, length ${len}`, input);
    }
    if (p0.value > p1.value) {
      throw new WalkError(`starting index ${p0.value} is greater than ending index ${p1.value}`, input);
    }
    const slice = (value as unknown[]).slice(p0.value, p1.value);
    let step = 1;
    if (p2.known) {
      if (p2.value <= 0) throw new WalkError('step must be > 0', input);
      step = p2.value;
    }
    for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
  }
  return result;
}

/** children lists what Go's reflection walks into; map order is random in Go, sorted here. */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (typeof value === 'string') return utf8Bytes(value).map((b) => new GoNumber('uint8', b));
  if (isGoMap(value)) {
    return Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort(compareGoStrings)
      .map((k) => value[k]);
  }
  return [];
}

function evalWildcard(input: readonly unknown[]): unknown[] {
  return input.flatMap((v) => children(v));
}

function evalRecursive(input: readonly unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    const kids = children(value);
    if (kids.length === 0) continue;
    result.push(value);
    result.push(...evalRecursive(kids));
  }
  return result;
}

type Kind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: unknown): Kind | null {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isGoInteger(v) ? 'int' : 'float';
  if (v instanceof GoNumber) return v.kind === 'int' ? 'int' : v.kind === 'uint8' ? 'uint' : 'float';
  return null;
}

const num = (v: unknown): number => (v instanceof GoNumber ? v.value : (v as number));

/** equal and less are client-go's forked text/template comparisons; a string result is the error. */
function equal(a: unknown, b: unknown): boolean | string {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (!k1 || !k2) return 'invalid type for comparison';
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(a) === num(b);
    return 'incompatible types for comparison';
  }
  return k1 === 'string' || k1 === 'bool' ? a === b : num(a) === num(b);
}

function less(a: unknown, b: unknown): boolean | string {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (!k1 || !k2) return 'invalid type for comparison';
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return num(a) < num(b);
    return 'incompatible types for comparison';
  }
  if (k1 === 'bool') return 'invalid type for comparison';
  if (k1 === 'string') return compareGoStrings(a as string, b as string) < 0;
  return num(a) < num(b);
}

function compare(op: string, a: unknown, b: unknown): boolean | string {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=': {
      const r = equal(a, b);
      return typeof r === 'string' ? r : !r;
    }
    case '<':
      return less(a, b);
    case '<=': {
      const r = less(a, b);
      return r === true || typeof r === 'string' ? r : equal(a, b);
    }
    case '>': {
      const r = compare('<=', a, b);
      return typeof r === 'string' ? r : !r;
    }
    case '>=': {
      const r = less(a, b);
      return typeof r === 'string' ? r : !r;
    }
    default:
      return `unrecognized filter operator ${op}`;
  }
}
