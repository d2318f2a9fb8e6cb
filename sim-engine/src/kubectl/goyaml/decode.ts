/**
 * go-yaml v2's Unmarshal into interface{} (decode.go, resolve.go) followed by sigs.k8s.io/yaml's
 * conversion to JSON-compatible data: how kubectl turns one YAML document into the JSON object
 * it sends. Errors read as kubectl prints them after "error converting YAML to JSON: ".
 */
import { formatFloatG, goQuote } from '../printers/go-fmt.ts';
import { Parser, type YamlEvent } from './parser.ts';
import { YamlSyntaxError } from './reader.ts';

/** YamlError is a failed conversion; its message is what follows "error converting YAML to JSON: ". */
export class YamlError extends Error {}

interface Node {
  kind: 'scalar' | 'mapping' | 'sequence' | 'alias';
  value?: string;
  tag?: string;
  implicit?: boolean;
  children: Node[];
  alias?: Node;
}

/** YFloat marks a float, which matters for how a map key is turned into a string. */
class YFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

type YValue = null | boolean | number | string | YFloat | YValue[] | Map<YValue, YValue>;

const STR = 'tag:yaml.org,2002:str';
const BINARY = 'tag:yaml.org,2002:binary';
const MERGE = 'tag:yaml.org,2002:merge';
const RESOLVABLE = new Set(['', STR, 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:timestamp']);

/** yamlToJSONValue parses one YAML document into JSON-compatible data (undefined for an empty document). */
export function yamlToJSONValue(text: string): unknown {
  const root = compose(text.length === 0 ? '\n' : text);
  if (!root) return null;
  return toJSONable(new Decoder().unmarshal(root));
}

function fail(message: string): never {
  throw new YamlError(`yaml: ${message}`);
}

function syntaxMessage(e: YamlSyntaxError): string {
  let line = 0;
  if (e.problemMark.line !== 0) line = e.problemMark.line + (e.kind === 'scanner' ? 1 : 0);
  else if (e.contextMark.line !== 0) line = e.contextMark.line;
  return `yaml: ${line !== 0 ? `line ${line}: ` : ''}${e.message}`;
}

/** compose builds the first document's node tree, as go-yaml's parser wrapper does. */
function compose(text: string): Node | undefined {
  const p = new Parser(text);
  let pending: YamlEvent | undefined;
  const anchors = new Map<string, Node>();
  const peek = (): YamlEvent => {
    if (!pending) {
      try {
        pending = p.next();
      } catch (e) {
        if (e instanceof YamlSyntaxError) throw new YamlError(syntaxMessage(e));
        throw e;
      }
      if (!pending) fail('attempted to go past the end of stream; corrupted value?');
    }
    return pending;
  };
  const take = (): YamlEvent => {
    const e = peek();
    pending = undefined;
    return e;
  };
  const parse = (): Node | undefined => {
    const e = peek();
    switch (e.type) {
      case 'SCALAR': {
        take();
        const n: Node = { kind: 'scalar', value: e.value ?? '', tag: e.tag ?? '', implicit: e.implicit, children: [] };
        if (e.anchor !== undefined) anchors.set(e.anchor, n);
        return n;
      }
      case 'ALIAS': {
        const target = anchors.get(e.anchor!);
        if (!target) fail(`unknown anchor '${e.anchor}' referenced`);
        take();
        return { kind: 'alias', value: e.anchor, alias: target, children: [] };
      }
      case 'MAPPING-START':
      case 'SEQUENCE-START': {
        const n: Node = { kind: e.type === 'MAPPING-START' ? 'mapping' : 'sequence', tag: e.tag ?? '', children: [] };
        if (e.anchor !== undefined) anchors.set(e.anchor, n);
        take();
        const endType = e.type === 'MAPPING-START' ? 'MAPPING-END' : 'SEQUENCE-END';
        while (peek().type !== endType) n.children.push(parse()!);
        take();
        return n;
      }
      case 'DOCUMENT-START': {
        take();
        const child = parse();
        if (take().type !== 'DOCUMENT-END') fail('expected DOCUMENT-END event');
        return child;
      }
      case 'STREAM-END':
        return undefined;
      default:
        throw new Error(`attempted to parse unknown event: ${e.type}`);
    }
  };
  if (take().type !== 'STREAM-START') fail('expected STREAM-START event');
  return parse();
}

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<Node>();

  unmarshal(n: Node): YValue {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      fail('document contains excessive aliasing');
    }
    switch (n.kind) {
      case 'scalar':
        return scalar(n);
      case 'alias': {
        if (this.active.has(n)) fail(`anchor '${n.value}' value contains itself`);
        this.active.add(n);
        this.aliasDepth++;
        const v = this.unmarshal(n.alias!);
        this.aliasDepth--;
        this.active.delete(n);
        return v;
      }
      case 'sequence':
        return n.children.map((c) => this.unmarshal(c));
      case 'mapping': {
        const out = new Map<YValue, YValue>();
        this.mappingInto(n, out);
        return out;
      }
    }
  }

  private mappingInto(n: Node, out: Map<YValue, YValue>): void {
    for (let i = 0; i < n.children.length; i += 2) {
      const k = n.children[i]!;
      const v = n.children[i + 1]!;
      if (k.kind === 'scalar' && k.value === '<<' && (k.implicit || k.tag === MERGE)) {
        this.merge(v, out);
        continue;
      }
      const key = this.unmarshal(k);
      if (Array.isArray(key) || key instanceof Map) fail(`invalid map key: ${goSharp(key)}`);
      const value = this.unmarshal(v);
      // Keys are compared as Go compares interface values: same type and value.
      let existing: YValue | undefined;
      for (const ek of out.keys()) if (sameKey(ek, key)) existing = ek;
      if (existing !== undefined) out.delete(existing);
      out.set(key, value);
    }
  }

  private merge(n: Node, out: Map<YValue, YValue>): void {
    const wantMap = (): never => fail('map merge requires map or sequence of maps as the value');
    const into = (m: Node) => {
      const target = m.kind === 'alias' ? m.alias! : m;
      if (target.kind !== 'mapping') wantMap();
      const v = this.unmarshal(m) as Map<YValue, YValue>;
      for (const [k, val] of v) {
        for (const ek of [...out.keys()]) if (sameKey(ek, k)) out.delete(ek);
        out.set(k, val);
      }
    };
    if (n.kind === 'mapping' || n.kind === 'alias') into(n);
    else if (n.kind === 'sequence') {
      for (let i = n.children.length - 1; i >= 0; i--) into(n.children[i]!);
    } else wantMap();
  }
}

function sameKey(a: YValue, b: YValue): boolean {
  if (a instanceof YFloat || b instanceof YFloat) return a instanceof YFloat && b instanceof YFloat && a.value === b.value;
  return a === b;
}

function allowedAliasRatio(count: number): number {
  if (count <= 400000) return 0.99;
  if (count >= 4000000) return 0.1;
  return 0.99 - 0.89 * ((count - 400000) / 3600000);
}

function scalar(n: Node): YValue {
  if (n.tag === '' && !n.implicit) return n.value!;
  const [tag, value] = resolve(n.tag!, n.value!);
  if (tag === BINARY) return decodeBase64(value as string);
  if (tag === 'tag:yaml.org,2002:timestamp') return n.value!;
  return value;
}

const RESOLVE_MAP = new Map<string, [string, YValue]>();
for (const [v, tag, words] of [
  [true, 'bool', 'y Y yes Yes YES true True TRUE on On ON'],
  [false, 'bool', 'n N no No NO false False FALSE off Off OFF'],
  [null, 'null', '~ null Null NULL'],
  [new YFloat(Number.NaN), 'float', '.nan .NaN .NAN'],
  [new YFloat(Number.POSITIVE_INFINITY), 'float', '.inf .Inf .INF +.inf +.Inf +.INF'],
  [new YFloat(Number.NEGATIVE_INFINITY), 'float', '-.inf -.Inf -.INF'],
  ['<<', 'merge', '<<'],
] as [YValue, string, string][]) {
  for (const w of words.split(' ')) RESOLVE_MAP.set(w, [`tag:yaml.org,2002:${tag}`, v]);
}
RESOLVE_MAP.set('', ['tag:yaml.org,2002:null', null]);

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]|\s+)\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
}

/** resolve is go-yaml v2's resolve(): the tag and value of a plain scalar. */
function resolve(tag: string, text: string): [string, YValue] {
  if (!RESOLVABLE.has(tag)) return [tag, text];
  const [rtag, out] = resolvePlain(tag, text);
  if (tag === '' || tag === rtag || tag === STR || tag === BINARY) return [rtag, out];
  if (tag === 'tag:yaml.org,2002:float' && rtag === 'tag:yaml.org,2002:int') return [tag, new YFloat(out as number)];
  fail(`cannot decode ${shortTag(rtag)} \`${text}\` as a ${shortTag(tag)}`);
}

function resolvePlain(tag: string, text: string): [string, YValue] {
  const c = text[0];
  const hint = text === '' ? 'N' : /[+-]/.test(c!) ? 'S' : /[0-9]/.test(c!) ? 'D' : /[yYnNtTfFoO~]/.test(c!) ? 'M' : c === '.' ? '.' : '';
  if (hint && tag !== STR && tag !== BINARY) {
    const known = RESOLVE_MAP.get(text);
    if (known) return known;
    if (hint === '.') {
      const f = goParseFloat(text);
      if (f !== undefined) return ['tag:yaml.org,2002:float', new YFloat(f)];
    }
    if (hint === 'D' || hint === 'S') {
      if ((tag === '' || tag === 'tag:yaml.org,2002:timestamp') && TIMESTAMP.test(text)) return ['tag:yaml.org,2002:timestamp', text];
      const plain = text.replaceAll('_', '');
      const int = parseGoInt(plain);
      if (int !== undefined) return ['tag:yaml.org,2002:int', int];
      if (YAML_FLOAT.test(plain) && Number.isFinite(Number(plain))) return ['tag:yaml.org,2002:float', new YFloat(Number(plain))];
      if (plain.startsWith('0b') && /^[01]+$/.test(plain.slice(2))) return ['tag:yaml.org,2002:int', Number.parseInt(plain.slice(2), 2)];
      if (plain.startsWith('-0b') && /^[01]+$/.test(plain.slice(3))) return ['tag:yaml.org,2002:int', -Number.parseInt(plain.slice(3), 2)];
    }
  }
  return [STR, text];
}

/** parseGoInt is strconv.ParseInt(s, 0, 64) (falling back to ParseUint): sign, 0x/0o/0b prefixes and leading-0 octal. */
function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.exec(s);
  if (!m) return undefined;
  let body = m[2]!;
  let radix = 10;
  if (/^0[xX]/.test(body)) [radix, body] = [16, body.slice(2)];
  else if (/^0[bB]/.test(body)) [radix, body] = [2, body.slice(2)];
  else if (/^0[oO]/.test(body)) [radix, body] = [8, body.slice(2)];
  else if (body.length > 1 && body[0] === '0') [radix, body] = [8, body.slice(1)];
  const n = Number.parseInt(body, radix);
  return m[1] === '-' ? -n : n;
}

function goParseFloat(s: string): number | undefined {
  if (!/^\.\d+([eE][+-]?\d+)?$/.test(s)) return undefined;
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

function decodeBase64(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) fail('!!binary value contains invalid base64 data');
  let out = '';
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => alphabet.indexOf(clean[i + k] ?? '='));
    const bits = (Math.max(n[0]!, 0) << 18) | (Math.max(n[1]!, 0) << 12) | (Math.max(n[2]!, 0) << 6) | Math.max(n[3]!, 0);
    out += String.fromCharCode((bits >> 16) & 255);
    if (n[2]! >= 0) out += String.fromCharCode((bits >> 8) & 255);
    if (n[3]! >= 0) out += String.fromCharCode(bits & 255);
  }
  return out;
}

/** goSharp is fmt's %#v of a decoded value, as go-yaml prints an invalid map key. */
function goSharp(v: YValue): string {
  if (v instanceof Map) {
    const entries = [...v].map(([k, val]) => [goSharp(k), goSharp(val)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `map[interface {}]interface {}{${entries.map(([k, val]) => `${k}:${val}`).join(', ')}}`;
  }
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharp).join(', ')}}`;
  if (v === null) return 'interface {}(nil)';
  if (v instanceof YFloat) return formatFloatG(v.value);
  if (typeof v === 'string') return goQuote(v);
  return String(v);
}

/** toJSONable is sigs.k8s.io/yaml's convertToJSONableObject plus json.Marshal's refusals. */
function toJSONable(v: YValue): unknown {
  if (v instanceof YFloat) {
    if (Number.isNaN(v.value)) fail2('json: unsupported value: NaN');
    if (!Number.isFinite(v.value)) fail2(`json: unsupported value: ${v.value > 0 ? '+Inf' : '-Inf'}`);
    return v.value;
  }
  if (Array.isArray(v)) return v.map(toJSONable);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of v) {
      let key: string;
      if (typeof k === 'string') key = k;
      else if (typeof k === 'number') key = String(k);
      else if (typeof k === 'boolean') key = k ? 'true' : 'false';
      else if (k instanceof YFloat) key = Number.isNaN(k.value) ? '.nan' : !Number.isFinite(k.value) ? (k.value > 0 ? '.inf' : '-.inf') : formatFloatG(k.value);
      else fail2(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${val === null ? '<nil>' : typeof val === 'string' ? goQuote(val) : goSharp(val)}`);
      Object.defineProperty(out, key, { value: toJSONable(val), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

function fail2(message: string): never {
  throw new YamlError(message);
}
