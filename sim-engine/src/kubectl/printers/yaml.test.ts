import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { YAMLError, toYAML, toYAMLList, yamlKeyLess } from './yaml.ts';

// Expected outputs below were captured from kubectl v1.32 (`kubectl patch -f obj.json --local
// -p {} --type merge -o yaml`, which prints an arbitrary unstructured object offline).
const version = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
const hasKubectl = version.status === 0 && /"gitVersion":\s*"v1\.32\./.test(version.stdout);

const cm = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, ...extra });

describe('toYAML', () => {
  it('prints a Deployment like kubectl create deployment --dry-run=client -o yaml', () => {
    const deployment = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    };
    expect(toYAML(deployment)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.25
        name: nginx
        resources: {}
status: {}
`);
  });

  it.each([
    ['True', '"True"'], ['yes', '"yes"'], ['y', '"y"'], ['Off', '"Off"'], ['null', '"null"'], ['~', '"~"'], ['', '""'],
    ['1', '"1"'], ['0x1F', '"0x1F"'], ['0o17', '"0o17"'], ['017', '"017"'], ['+1', '"+1"'], ['1.5', '"1.5"'], ['1e3', '"1e3"'],
    ['.inf', '".inf"'], ['.NaN', '".NaN"'], ['1:20', '"1:20"'], ['1_000', '"1_000"'],
    ['2025-01-06T10:00:00Z', '"2025-01-06T10:00:00Z"'], ['2025-01-06', '"2025-01-06"'],
    // Strings go-yaml v2 reads back as strings stay plain, however odd.
    ['2025-02-30', '2025-02-30'], ['2025-01-06T10:00:00', '2025-01-06T10:00:00'], ['.', '.'], ['1e400', '1e400'],
    ['0x1FFFFFFFFFFFFFFFFF', '0x1FFFFFFFFFFFFFFFFF'], ['nginx:1.25', 'nginx:1.25'], ['100m', '100m'], ['128Mi', '128Mi'],
    ['http://example.com:8080/path?q=1', 'http://example.com:8080/path?q=1'], ['<a&b>', '<a&b>'], ["it's", "it's"],
    [':x', ':x'], ['?x', '?x'], ['-x', '-x'], ['a#b', 'a#b'],
    ['containers with unready status: [nginx]', "'containers with unready status: [nginx]'"], ['*', "'*'"],
    ['&a', "'&a'"], ['!x', "'!x'"], ['|', "'|'"], ['>', "'>'"], ["'q", "'''q'"], ['"q', `'"q'`], ['%x', "'%x'"],
    ['@x', "'@x'"], ['`x', "'`x'"], ['#x', "'#x'"], [',x', "',x'"], ['[x', "'[x'"], [']x', "']x'"], ['{x', "'{x'"],
    ['}x', "'}x'"], ['? x', "'? x'"], [': x', "': x'"], ['a:', "'a:'"], ['- x', "'- x'"], ['--- x', "'--- x'"],
    ['...x', "'...x'"], ['a #b', "'a #b'"], [' a', "' a'"], ['a ', "'a '"],
    ['a\tb', '"a\\tb"'], ['a\u0000b', '"a\\0b"'], ['a\u001bb', '"a\\eb"'], ['a\rb', '"a\\rb"'], ['😀 hi', '"\\U0001F600 hi"'],
    ['a\u00a0b', 'a\u00a0b'],
    // A leading BOM makes go-yaml's is_bom() true at every position, so everything is escaped.
    ['\ufeffab', '"\\uFEFF\\x61\\x62"'],
    // Go's JSON leaves U+0085 raw and go-yaml reads it back as a folded line break.
    ['a\u0085b', 'a b'],
  ])('quotes %j as %s', (value, rendered) => {
    expect(toYAML({ k: value })).toBe(`k: ${rendered}\n`);
  });

  it.each([
    [0, '0'], [-5, '-5'], [42, '42'], [9007199254740991, '9007199254740991'], [12345678901234567000, '12345678901234567000'],
    [1e20, '1e+20'], [1e21, '1e+21'], [1.5, '1.5'], [0.1, '0.1'], [-2.5, '-2.5'], [0.0001, '0.0001'], [0.00001, '1e-05'],
    [1e-7, '1e-07'], [100000.5, '100000.5'], [1234567.5, '1.2345675e+06'], [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ])('formats the number %d as %s', (n, rendered) => {
    expect(toYAML({ n })).toBe(`"n": ${rendered}\n`);
  });

  it("sorts keys with go-yaml's keyList.Less: digit runs numerically, letters after other runes", () => {
    const order = [
      '', '-1', '_x', '1', '1.5', '2', '02', '10', '99999999999999999999a', 'A', 'B', 'Z', 'a', 'a-b', 'a.b', 'a_', 'a_b',
      'a0', 'a00', 'a1', 'a01', 'a9', 'a10', 'aB', 'ab', 'app', 'app.kubernetes.io/name', 'b2c', 'b10c', 'k8s.io/x', 'x_',
      'x1y2', 'x1y10', 'x01y', 'z', 'é',
    ];
    expect([...order].reverse().sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0))).toEqual(order);
    const yaml = toYAML(Object.fromEntries([...order].reverse().map((k) => [k, 1])));
    expect(yaml.split('\n').slice(0, 3)).toEqual(['"": 1', '"-1": 1', '_x: 1']);
  });

  it('writes block scalars with go-yaml chomping and indentation indicators', () => {
    const data = {
      blank: 'a\n\n\nb', breakSpace: 'a\n b', clip: 'l1\nl2\n', crlf: 'a\r\nb', keep: 'l1\nl2\n\n', lead: '\nabc',
      leadSpace: ' x\ny', lone: '\n', spaceBreak: 'a \nb', strip: 'l1\nl2', tabs: 'a\n\tb', trailSpace: 'x \ny', two: '\n\n',
    };
    expect(toYAML(cm({ data }))).toBe(
      'apiVersion: v1\ndata:\n  blank: |-\n    a\n\n\n    b\n  breakSpace: |-\n    a\n     b\n  clip: |\n    l1\n    l2\n' +
        '  crlf: "a\\r\\nb"\n  keep: |+\n    l1\n    l2\n\n  lead: |2-\n\n    abc\n  leadSpace: |2-\n     x\n    y\n' +
        '  lone: |2+\n\n  spaceBreak: "a \\nb"\n  strip: |-\n    l1\n    l2\n  tabs: "a\\n\\tb"\n  trailSpace: "x \\ny"\n' +
        '  two: |2+\n\n\nkind: ConfigMap\nmetadata:\n  name: x\n',
    );
  });

  it('folds long plain, single- and double-quoted scalars past column 80', () => {
    const data = {
      almost: `${'a'.repeat(74)} b c`,
      dqsp: `\t${'abc  '.repeat(25)}x`,
      long: 'x'.repeat(120),
      plain: `${'word '.repeat(40)}x`,
      single: `'${'word '.repeat(40)}x`,
      spaces: `${'ab  '.repeat(40)}x`,
    };
    expect(toYAML({ data, seq: [`${'word '.repeat(30)}x`] })).toBe(`data:
  almost: ${'a'.repeat(74)}
    b c
  dqsp: "\\t${'abc  '.repeat(14)}abc
    \\ ${'abc  '.repeat(10)}x"
  long: ${'x'.repeat(120)}
  plain: ${'word '.repeat(14)}word
    ${'word '.repeat(15)}word
    ${'word '.repeat(9)}x
  single: '''${'word '.repeat(13)}word
    ${'word '.repeat(15)}word
    ${'word '.repeat(10)}x'
  spaces: ${'ab  '.repeat(40)}x
seq:
- ${'word '.repeat(15)}word
  ${'word '.repeat(14)}x
`);
  });

  it('writes collections: indentless sequences, flow empties, nested lists', () => {
    const s = {
      emptyList: [], emptyMap: {}, nul: null, t: true,
      list: [1, 'a', null, {}, [], { k: 'v', l: [1, 2] }, [[1, 2], [3]], [{ a: 1, b: 2 }]],
      multiInList: ['a\nb', 'c\n'],
    };
    expect(toYAML({ s })).toBe(`s:
  emptyList: []
  emptyMap: {}
  list:
  - 1
  - a
  - null
  - {}
  - []
  - k: v
    l:
    - 1
    - 2
  - - - 1
      - 2
    - - 3
  - - a: 1
      b: 2
  multiInList:
  - |-
    a
    b
  - |
    c
  nul: null
  t: true
`);
    expect(toYAML([])).toBe('[]\n');
    expect(toYAML(null)).toBe('null\n');
    expect(toYAML('x')).toBe('x\n');
  });

  it('uses complex keys for multi-line keys and keys over 128 bytes', () => {
    const m = { [`${'k'.repeat(129)}`]: 6, [`${'k'.repeat(128)}`]: 7, 'multi\nline': 8, [`${'word '.repeat(30)}`]: 9, true: 1, 'a: b': 4 };
    expect(toYAML({ m })).toBe(`m:
  'a: b': 4
  ${'k'.repeat(128)}: 7
  ? ${'k'.repeat(129)}
  : 6
  ? |-
    multi
    line
  : 8
  "true": 1
  ? '${'word '.repeat(15)}word
    ${'word '.repeat(14)}'
  : 9
`);
  });

  it("fails like kubectl where go-yaml cannot read Go's JSON back", () => {
    expect(() => toYAML({ a: 'del\x7f' })).toThrow(new YAMLError('yaml: control characters are not allowed'));
    expect(() => toYAML({ a: { ['x'.repeat(1023)]: 1 } })).toThrow("yaml: did not find expected ',' or '}'");
    expect(toYAML({ a: { ['x'.repeat(1022)]: 1 } })).toContain('? xxx');
    expect(() => toYAML({ a: 'x\u0085y\u0085', e: { 'k\u0085': 1 } })).toThrow("yaml: line 3: did not find expected ',' or '}'");
  });

  it('wraps several objects in a v1 List like kubectl get', () => {
    expect(toYAMLList([cm({ data: { a: '1' } }), cm({ data: { a: 'b' } })])).toBe(`apiVersion: v1
items:
- apiVersion: v1
  data:
    a: "1"
  kind: ConfigMap
  metadata:
    name: x
- apiVersion: v1
  data:
    a: b
  kind: ConfigMap
  metadata:
    name: x
kind: List
metadata:
  resourceVersion: ""
`);
  });
});

// Strings the `yaml` package reads differently from go-yaml (which is what kubectl users get):
// float-like text it calls a number (".", "e9", "1e400"), and U+0085/U+2028/U+2029, which are
// line breaks in YAML 1.1 but not to it. go-yaml itself reads all of these back as written.
const floatish = /^[-+]?[.0-9_]*([eE][-+]?[0-9_]*)?$/;
const char = fc
  .integer({ min: 0, max: 0xfffd })
  .filter((c) => (c < 0xd800 || c > 0xdfff) && c !== 0x85 && c !== 0x2028 && c !== 0x2029)
  .map((c) => String.fromCharCode(c));
const unit = fc.oneof(fc.constantFrom(...' \n\t:#-?,[]{}&*!|>\'"%@`~._0123456789eExyYnNtT'), char, fc.constantFrom('é', '😀'));
const str = fc.string({ unit, maxLength: 12 }).filter((s) => !floatish.test(s));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    str, fc.boolean(), fc.constant(null), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(str, tie('value'), { maxKeys: 4 }),
  ),
}));

describe('toYAML property', () => {
  it('reads back (YAML 1.1) as the data it was given', () => {
    fc.assert(
      fc.property(value, (v) => {
        let out: string;
        try {
          out = toYAML(v);
        } catch (e) {
          if (e instanceof YAMLError) return; // kubectl fails on these too (control characters)
          throw e;
        }
        expect(parse(out, { version: '1.1' })).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 3000 },
    );
  });
});

function kubectl(args: string[]): string {
  const r = spawnSync('kubectl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A deterministic generator of nasty objects, so a failure reproduces. */
function randomObjects(seed: number, count: number): unknown[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const atoms = ['a', 'Z', '0', '9', ' ', ':', '#', '-', '?', '.', "'", '"', '\\', '\n', '\t', '{', ']', ',', '&', '*', '!', '|',
    '>', '%', '@', '`', '~', 'y', 'true', 'null', '0x1F', '1e3', '+1', '---', '2025-01-06', 'T10:00:00Z', '1:20', '_', 'é', '😀',
    '\u2028', '\u00a0', '<', 'word ', 'x'.repeat(30), '\u0085', '\r', '\u0001', '\ufeff', ' #', ': ', '0b1', 'Yes'];
  const str = (): string => {
    let out = '';
    for (let n = Math.floor(rnd() * 8); n > 0; n--) out += pick(atoms);
    return rnd() < 0.1 ? pick(['word ', 'ab  ', 'x ']).repeat(Math.floor(rnd() * 50)) + out : out;
  };
  const val = (d: number): unknown => {
    const r = rnd();
    if (d > 3 || r < 0.45) return str();
    if (r < 0.55) return pick([0, 1, -5, 3.25, 1e21, 1e-7, 123456789, 1234567.5, 1e20, true, false, null]);
    if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 4) }, () => val(d + 1));
    const keys = ['a1', 'a10', 'a9', 'a01', 'A', '_x', 'ab', 'a_b', 'a-b', 'b2c', 'b10c', '1', '10'];
    return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 5) }, () => [rnd() < 0.5 ? str() : pick(keys), val(d + 1)]));
  };
  return Array.from({ length: count }, (_, i) => cm({ metadata: { name: `o${i}` }, extra: val(0), more: val(1) }));
}

describe.skipIf(!hasKubectl)('toYAML against kubectl 1.32', () => {
  it('matches kubectl create configmap -o yaml for tricky literals', () => {
    const literals = [
      'containers with unready status: [nginx]', 'True', '1', '2025-01-06T10:00:00Z', 'word '.repeat(40), 'l1\nl2\n', 'l1\nl2',
      'l1\n\n', "'quoted'", ' lead', '*', 'a: b', '- x', '0x10', '1:20', 'yes', '😀', 'a\tb', '\ufeffbom', 'a\u0085b', 'a\u2028b',
      `'${'word '.repeat(40)}`, `${'wörd '.repeat(40)}\t`, 'x\n ', '~', '.5', '08', '0b101', '2025-1-6 1:2:3.5',
    ];
    const args = ['create', 'configmap', 'x', '--dry-run=client', ...literals.map((v, i) => `--from-literal=k${i}=${v}`)];
    const data: unknown = JSON.parse(kubectl([...args, '-o', 'json']));
    expect(toYAML(data)).toBe(kubectl([...args, '-o', 'yaml']));
  });

  it('matches kubectl -o yaml for random unstructured objects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-test-'));
    // One object kubectl cannot print fails the whole batch, so those (keys with U+0085) are
    // left out here; the failure cases have their own test above.
    const objects = randomObjects(20250106, 80).filter((o) => {
      try {
        return toYAML(o) !== '';
      } catch {
        return false;
      }
    });
    expect(objects.length).toBeGreaterThan(40);
    const file = join(dir, 'list.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
    const want = kubectl(['patch', '-f', file, '--local', '-p', '{}', '--type', 'merge', '-o', 'yaml']);
    expect(objects.map((o) => toYAML(o)).join('')).toBe(want);
  });
});
