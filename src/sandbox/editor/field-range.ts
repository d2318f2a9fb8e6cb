/**
 * fieldRange finds where in a YAML manifest a field the API server names lives:
 * `spec.containers[0].image` in the document at `span` → the offsets of `nginx` (or of the
 * `image` key, or, when the field is missing, of the nearest part that is there).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar } from 'yaml';

/** TextRange is [from, to) in the text, in UTF-16 offsets as CodeMirror counts them. */
export interface TextRange {
  from: number;
  to: number;
}

/** parseFieldPath splits `spec.containers[0].image` into ['spec', 'containers', 0, 'image']. */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

/** fieldRange returns the range to mark for `field` in the document at `span` of `text` (the document's first line when `field` is absent). */
export function fieldRange(text: string, span: readonly [number, number], field: string | undefined, mark: 'key' | 'value' = 'value'): TextRange | undefined {
  const [start, end] = span;
  const document = parseDocument(text.slice(start, end), { keepSourceTokens: false });
  const root = document.contents as Node | null;
  const shift = (r: TextRange): TextRange => ({ from: r.from + start, to: r.to + start });
  const local = text.slice(start, end);
  if (!root) return shift(lineAt(local, firstContent(local)));
  if (!field) return shift(lineAt(local, root.range?.[0] ?? 0));
  let node: Node | null = root;
  let key: Scalar | undefined;
  let complete = true;
  for (const seg of parseFieldPath(field)) {
    if (typeof seg === 'number' && isSeq(node) && node.items[seg] !== undefined) {
      node = node.items[seg] as Node;
      key = undefined;
      continue;
    }
    // encoding/json names list fields without an index: look in the first item that has the key.
    const map: Node | null = typeof seg === 'string' && isSeq(node) ? ((node.items as Node[]).find((i) => isMap(i) && findPair(i, seg)) ?? null) : node;
    const pair: Pair | undefined = typeof seg === 'string' && isMap(map) ? findPair(map, seg) : undefined;
    if (pair) {
      key = pair.key as Scalar;
      node = (pair.value as Node | null) ?? null;
      continue;
    }
    complete = false;
    break;
  }
  if (complete && mark === 'value' && isScalar(node) && node.range && node.range[1] > node.range[0]) return shift({ from: node.range[0], to: node.range[1] });
  if (key?.range) return shift({ from: key.range[0], to: key.range[1] });
  // A list item (or the document) has no key: mark its first line.
  return shift(lineAt(local, node?.range?.[0] ?? root.range?.[0] ?? 0));
}

function findPair(map: Node, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return (map.items as Pair[]).find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
}

function firstContent(text: string): number {
  const m = /^(?:[ \t]*(?:#.*)?\n)*[ \t]*/.exec(text);
  return m ? m[0].length : 0;
}

function lineAt(text: string, offset: number): TextRange {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  // A list item's first line starts after its "- "; keep the mark on the text.
  return { from: offset, to: Math.max(end, Math.min(text.length, offset + 1)) };
}
