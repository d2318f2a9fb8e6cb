/**
 * RFC 6902 JSON patches (`kubectl patch --type=json`): add, remove, replace, move, copy and
 * test, as evanphx/json-patch v4 applies them for kubectl and the API server, with its messages.
 */
import { deepEqual, isMap, type JSONMap } from './patch-meta.ts';

/** JsonPatchError is a patch that failed to decode or to apply; `testFailed` marks a failed `test`. */
export class JsonPatchError extends Error {
  readonly testFailed: boolean;
  constructor(message: string, testFailed = false) {
    super(message);
    this.testFailed = testFailed;
  }
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

function goJSONType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** decodeJsonPatch is jsonpatch.DecodePatch: the text must be a JSON array of operation objects; `syntaxError` is encoding/json's complaint about it, if any. */
export function decodeJsonPatch(text: string, syntaxError: string | undefined): JSONMap[] {
  if (syntaxError !== undefined) throw new JsonPatchError(syntaxError);
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new JsonPatchError(`json: cannot unmarshal ${goJSONType(value)} into Go value of type jsonpatch.Patch`);
  for (const op of value) if (!isMap(op) && op !== null) throw new JsonPatchError(`json: cannot unmarshal ${goJSONType(op)} into Go value of type jsonpatch.Operation`);
  return value.map((op) => (op ?? {}) as JSONMap);
}

type Container = JSONMap | unknown[];

function unescape(part: string): string {
  return part.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** findObject is the library's findObject: the container holding the last path segment, and that segment. */
function findObject(doc: unknown, path: string): { con?: Container; key: string } {
  const split = path.split('/');
  if (split.length < 2) return { key: '' };
  const parts = split.slice(1, -1);
  let cur: unknown = doc;
  for (const raw of parts) {
    const part = unescape(raw);
    if (isMap(cur)) cur = cur[part];
    else if (Array.isArray(cur)) {
      const i = Number(part);
      cur = Number.isInteger(i) && i >= 0 && i < cur.length && /^\d+$/.test(part) ? cur[i] : undefined;
    } else return { key: '' };
    if (!isMap(cur) && !Array.isArray(cur)) return { key: '' };
  }
  if (!isMap(cur) && !Array.isArray(cur)) return { key: '' };
  return { con: cur, key: unescape(split[split.length - 1]!) };
}

function index(con: unknown[], key: string, forAdd: boolean): number {
  if (forAdd && key === '-') return con.length;
  const i = Number.parseInt(key, 10);
  if (!/^[-+]?\d+$/.test(key)) throw new JsonPatchError(`value was not a proper array index: '${key}': strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  const max = forAdd ? con.length : con.length - 1;
  if (i < 0 || i > max) throw new JsonPatchError(`Unable to access invalid index: ${i}: ${INVALID_INDEX}`);
  return i;
}

function get(con: Container, key: string): unknown {
  if (isMap(con)) return key in con ? con[key] : undefined;
  const i = Number(key);
  return /^\d+$/.test(key) && i < con.length ? con[i] : undefined;
}

function addTo(con: Container, key: string, value: unknown): void {
  if (isMap(con)) con[key] = value;
  else con.splice(index(con, key, true), 0, value);
}

function removeFrom(con: Container, key: string): void {
  if (isMap(con)) {
    if (!(key in con)) throw new JsonPatchError(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete con[key];
  } else con.splice(index(con, key, false), 1);
}

function pathOf(op: JSONMap, field: 'path' | 'from', verb: string): string {
  const v = op[field];
  if (typeof v !== 'string') throw new JsonPatchError(`${verb} operation failed to decode ${field}: ${MISSING}`);
  return v;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** applyJsonPatch applies the operations in order to a copy of `doc`. */
export function applyJsonPatch(doc: JSONMap, ops: JSONMap[]): JSONMap {
  const root = clone(doc);
  for (const op of ops) {
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    switch (kind) {
      case 'add':
      case 'replace':
      case 'test':
      case 'remove': {
        const path = pathOf(op, 'path', kind);
        const { con, key } = findObject(root, path);
        if (kind === 'test') {
          if (!con) throw new JsonPatchError(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
          const actual = get(con, key);
          const expected = op.value ?? null;
          if (actual === undefined ? expected !== null : !deepEqual(actual, expected)) throw new JsonPatchError(`testing value ${path} failed: test failed`, true);
          break;
        }
        if (!con) throw new JsonPatchError(`${kind} operation does not apply: doc is missing path: ${kind === 'replace' ? path : JSON.stringify(path)}: ${MISSING}`);
        try {
          if (kind === 'add') addTo(con, key, clone(op.value ?? null));
          else if (kind === 'remove') removeFrom(con, key);
          else {
            // v4 replaces a missing map key as if adding it; only list indexes are checked.
            if (isMap(con)) con[key] = clone(op.value ?? null);
            else con[index(con, key, false)] = clone(op.value ?? null);
          }
        } catch (e) {
          if (!(e instanceof JsonPatchError)) throw e;
          throw new JsonPatchError(`error in ${kind} for path: '${path}': ${e.message}`);
        }
        break;
      }
      case 'move':
      case 'copy': {
        const from = pathOf(op, 'from', kind);
        const src = findObject(root, from);
        if (!src.con) throw new JsonPatchError(`${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
        // v4 copies a missing value as null; move fails removing it.
        const value = get(src.con, src.key) ?? null;
        if (kind === 'move') {
          try {
            removeFrom(src.con, src.key);
          } catch (e) {
            throw new JsonPatchError(`error in move for path: '${src.key}': ${(e as Error).message}`);
          }
        }
        const path = pathOf(op, 'path', kind);
        const dst = findObject(root, path);
        if (!dst.con) throw new JsonPatchError(`${kind} operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
        addTo(dst.con, dst.key, kind === 'copy' ? clone(value) : value);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${kind}`);
    }
  }
  return root;
}
