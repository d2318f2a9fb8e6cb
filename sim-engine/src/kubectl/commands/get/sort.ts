/**
 * `--sort-by`: kubectl's RuntimeSort/TableSorter. Values are found with client-go jsonpath
 * (missing keys allowed); numbers compare numerically, strings that both parse as resource
 * quantities compare as quantities, other strings in natural order (fvbommel/sortorder, which
 * makes RFC 3339 timestamps sort chronologically); objects without the field sort first.
 */
import type { KubeObject } from '../../../api/meta.ts';
import { KubectlError } from '../../errors.ts';
import { GoNumber, utf8Bytes } from '../../printers/go-fmt.ts';
import { JsonPathError, newJsonPath, relaxedJsonPath } from '../../printers/jsonpath.ts';

/** sortField turns a --sort-by argument into the jsonpath template kubectl evaluates. */
export function sortField(sortBy: string, table: boolean): string {
  try {
    return relaxedJsonPath(sortBy);
  } catch (e) {
    // The table sorter falls back to the raw text; the list sorter reports the error.
    if (table) return sortBy;
    throw new KubectlError((e as Error).message);
  }
}

/** sortObjects returns the objects ordered by the field; it throws kubectl's errors when no object has it. */
export function sortObjects<T extends KubeObject>(objects: readonly T[], sortBy: string, opts: { table: boolean }): T[] {
  if (objects.length === 0) return [...objects];
  const field = sortField(sortBy, opts.table);
  let parser;
  try {
    parser = newJsonPath(field);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(opts.table ? `sorting error: ${e.message}` : e.message);
    throw e;
  }
  const keys = objects.map((o) => {
    try {
      const found = parser.findResults(o);
      return found.length > 0 && found[0]!.length > 0 ? { value: found[0]![0] } : undefined;
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(e.message);
      throw e;
    }
  });
  if (!keys.some((k) => k !== undefined)) throw new KubectlError(`couldn't find any field with path "${field}" in the list of objects`);
  const order = objects.map((_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (!ka || !kb) return ka === kb ? 0 : ka ? 1 : -1;
    if (isLess(ka.value, kb.value)) return -1;
    if (isLess(kb.value, ka.value)) return 1;
    return 0;
  });
  return order.map((i) => objects[i]!);
}

/** isLess is kubectl's isLess for values of unstructured objects. */
export function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na < nb;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return naturalLess(a, b);
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  return naturalLess(JSON.stringify(a) ?? '', JSON.stringify(b) ?? '');
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof GoNumber) return v.value;
  return undefined;
}

const SUFFIXES: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** parseQuantity reads a resource.Quantity (`100m`, `64Mi`, `1e3`, `2`); undefined when the text is not one. */
export function parseQuantity(s: string): number | undefined {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(s);
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIXES[m[3] ?? '']!;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** naturalLess is sortorder.NaturalLess: runs of digits compare as numbers, everything else bytewise. */
export function naturalLess(s1: string, s2: string): boolean {
  const a = utf8(s1);
  const b = utf8(s2);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a[i]!;
    const c2 = b[j]!;
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i).join('');
    const n2 = b.slice(nz2, j).join('');
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

// Go compares strings byte by byte; one "character" per UTF-8 byte keeps the same order.
function utf8(s: string): string[] {
  return utf8Bytes(s).map((b) => String.fromCharCode(b));
}
