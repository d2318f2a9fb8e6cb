import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goJSONString, toCompactJSON, toJSON, toJSONList } from './json.ts';

// Expected outputs were captured from kubectl v1.32 (`kubectl patch -f obj.json --local -p {}
// --type merge -o json` prints an unstructured object offline, as `kubectl get -o json` does).
const version = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
const hasKubectl = version.status === 0 && /"gitVersion":\s*"v1\.32\./.test(version.stdout);

describe('toJSON', () => {
  it('indents by four spaces, sorts keys bytewise and keeps empty collections compact', () => {
    const obj = {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'x' },
      s: { list: [1, 'a', null, true, {}, [], { l: [1, 2], k: 'v' }], emptyMap: {}, emptyList: [], f: false, B: 1, a: 2, é: 3 },
    };
    expect(toJSON(obj)).toBe(`{
    "apiVersion": "v1",
    "kind": "ConfigMap",
    "metadata": {
        "name": "x"
    },
    "s": {
        "B": 1,
        "a": 2,
        "emptyList": [],
        "emptyMap": {},
        "f": false,
        "list": [
            1,
            "a",
            null,
            true,
            {},
            [],
            {
                "k": "v",
                "l": [
                    1,
                    2
                ]
            }
        ],
        "é": 3
    }
}
`);
  });

  it.each([
    ['<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['a\tb', '"a\\tb"'],
    ['a\rb', '"a\\rb"'],
    ['a\nb', '"a\\nb"'],
    ['a\bb\fc', '"a\\bb\\fc"'],
    ['a\u0000b', '"a\\u0000b"'],
    ['a\u001bb', '"a\\u001bb"'],
    ['"q\\', '"\\"q\\\\"'],
    ["'q", `"'q"`],
    ['a\u2028b\u2029', '"a\\u2028b\\u2029"'],
    ['😀 \u0085\u007f\ufeff', '"😀 \u0085\u007f\ufeff"'],
    ['lone \ud800', '"lone \ufffd"'],
  ])('escapes %j as Go does', (s, want) => {
    expect(goJSONString(s)).toBe(want);
  });

  it.each([
    [0, '0'], [-5, '-5'], [12345678901234567000, '12345678901234567000'], [1e20, '100000000000000000000'], [1e21, '1e+21'],
    [0.0001, '0.0001'], [0.00001, '0.00001'], [1e-7, '1e-7'], [1234567.5, '1234567.5'], [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'], [-0, '0'],
  ])('writes the number %d as %s', (n, want) => {
    expect(toCompactJSON(n)).toBe(want);
  });

  it('drops undefined members and honours toJSON like JSON.stringify', () => {
    expect(toCompactJSON({ a: undefined, b: [undefined], c: { toJSON: () => 'x' } })).toBe('{"b":[null],"c":"x"}');
  });

  it('wraps several objects in a v1 List like kubectl get', () => {
    expect(toJSONList([{ a: 1 }])).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "a": 1\n        }\n    ],\n' +
        '    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
    expect(toJSONList([])).toContain('"items": [],');
  });

  it('agrees with JSON.parse on everything it writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(toJSON(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe.skipIf(!hasKubectl)('toJSON against kubectl 1.32', () => {
  it('matches kubectl -o json for random unstructured objects', () => {
    let s = 42;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
    const atoms = ['a', 'Z', '0', ' ', ':', '"', '\\', '\n', '\t', '<', '>', '&', 'é', '😀', '\u2028', '\u0000', '\u001b', '\b', '\f',
      '\u007f', '\u0085', '\ufeff', 'x'.repeat(20)];
    const str = () => Array.from({ length: Math.floor(rnd() * 6) }, () => pick(atoms)).join('');
    const val = (d: number): unknown => {
      const r = rnd();
      if (d > 3 || r < 0.4) return str();
      if (r < 0.55) return pick([0, 1, -5, 3.25, 1e21, 1e-7, 123456789, 1234567.5, 1e20, 0.1, true, false, null]);
      if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 4) }, () => val(d + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 5) }, () => [str(), val(d + 1)]));
    };
    const objects = Array.from({ length: 60 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `o${i}` }, x: val(0) }));
    const file = join(mkdtempSync(join(tmpdir(), 'json-test-')), 'list.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
    const r = spawnSync('kubectl', ['patch', '-f', file, '--local', '-p', '{}', '--type', 'merge', '-o', 'json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(objects.map((o) => toJSON(o)).join('')).toBe(r.stdout);
  });
});
