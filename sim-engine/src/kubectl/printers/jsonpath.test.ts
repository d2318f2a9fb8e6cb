import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPathError, compileJsonPath, newJsonPath, relaxedJsonPath } from './jsonpath.ts';

// Expected outputs were captured from kubectl v1.32: `kubectl patch -f obj.json --local -p {}
// --type merge -o jsonpath=...` runs the printer on an unstructured object offline.
const version = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
const hasKubectl = version.status === 0 && /"gitVersion":\s*"v1\.32\./.test(version.stdout);

const obj = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'x', labels: { b: '2', a: '1', 'app.kubernetes.io/name': 'web' }, annotations: { 'k.io/x': '<a&b>' } },
  data: { a: 'b', multi: 'l1\nl2' },
  extra: {
    f: 1.5, g: 1.0, big: 10000000, huge: 1e21, neg: -3, nul: null, t: true, fa: false, html: '<a&b>', emoji: '😀',
    esc: 'tab\there \u001b[0m', q: 'it\'s "q"',
    arr: [1, 'two', null, { k: 'v' }, [], [1, 2]],
    items: [
      { name: 'a', type: 'Ready', status: 'True', num: 3, tags: ['x', 'y'] },
      { name: 'b', type: 'Other', status: 'False', num: 5, tags: [] },
      { name: 'c', num: 4, sub: { name: 'deep' } },
    ],
    fitems: [{ name: 'a', v: 1.5 }, { name: 'b', v: 2.5 }],
    empty: [],
    emptym: {},
  },
};

const run = (template: string, data: unknown = obj): string => compileJsonPath(template).execute(data);
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof JsonPathError) return `error: ${e.message}\n`;
    throw e;
  }
  return 'no error';
};

describe('compileJsonPath', () => {
  it.each([
    ['{.metadata.name}', 'x'],
    ['{.extra.big} {.extra.f} {.extra.g} {.extra.nul} {.extra.t} {.extra.huge} {.extra.neg}', '10000000 1.5 1 null true 1e+21 -3'],
    ['{.extra.html}', '<a&b>'],
    ['{.extra.arr}', '[1,"two",null,{"k":"v"},[],[1,2]]'],
    ['{.extra.arr[*]}', '1 two null {"k":"v"} [] [1,2]'],
    ['{range .extra.items[*]}{.name}:{.num}{"\\n"}{end}', 'a:3\nb:5\nc:4\n'],
    ['{range .extra.empty[*]}x{end}after', 'after'],
    ['{.extra.items[?(@.num>3)].name}', 'b c'],
    ['{.extra.items[?(@.status)].name}', 'a b'],
    ['{.extra.items[?(@.name<"b")].name}', 'a'],
    ['{.extra.items[?(@.name!="b")].name}', 'a c'],
    ['{.extra.items[-1:].name}', 'c'],
    ['{.extra.items[0:2].name}', 'a b'],
    ['{.extra.items[::2].name}', 'a c'],
    ["{.extra.items[*]['name','num']}", 'a b c 3 5 4'],
    ['{.metadata.labels}', '{"a":"1","app.kubernetes.io/name":"web","b":"2"}'],
    ['{.extra.arr[2]}', 'null'],
    ['{.extra.nope}{.extra.nope.x}{.extra.nope[0]}', ''],
    ["a{\"\\t\"}b{'x\\ty'}", 'a\tbx\ty'],
    ['{.kind}{range .extra.items[*]}{"<"}{.name}{">"}{end}tail', 'ConfigMap<a><b><c>tail'],
    ['{range .extra.items[*]}{range .tags[*]}[{@}]{end}{.name};{end}', '[x][y]a;b;c;'],
    ['{range .extra.arr[*]}[{@}]{end}', '[1][two][<no value>][{"k":"v"}][[]][[1,2]]'],
    ['{.extra.emoji.*}', '240 159 152 128'],
    ['{.metadata.annotations.k\\.io/x}', '<a&b>'],
    ['{.metadata.labels.app\\.kubernetes\\.io/name}', 'web'],
    ['{"\\x41\\u00e9\\101"}', 'AéA'],
    ['{.extra.fitems[?(@.v>2.0)].name}', 'b'],
    ['{.extra.items[?(@.sub.name=="deep")].num}', '4'],
    ['{3}{3.5}{true}{-2}{"s"}', '33.5true-2s'],
    ['{.data.multi}', 'l1\nl2'],
    ['{.extra.emptym}{.extra.empty}', '{}[]'],
    ['{.extra.items[*].tags}', '["x","y"] []'],
    ['{range .extra.nope}x{end}y', 'y'],
    ['{..num}', '3 5 4'],
    ['{.}', ''],
    ['plain text only', 'plain text only'],
    ['{.extra.arr[5:]}{.extra.empty[0:0]}', '[1,2]'],
  ])('%s prints %j', (template, want) => {
    expect(run(template)).toBe(want);
  });

  it('prints the whole object for {} and {@} as compact, HTML-escaped JSON', () => {
    expect(run('{@}', { b: '<', a: [1.5, null] })).toBe('{"a":[1.5,null],"b":"\\u003c"}');
    expect(run('{}', { a: 1 })).toBe('{"a":1}');
  });

  it.each([
    ['{.a', 'error: error parsing jsonpath {.a, unclosed action\n'],
    ['x{!}', "error: error parsing jsonpath x{!}, unrecognized character in action: U+0021 '!'\n"],
    ['{[1:2:3:4]}', 'error: error parsing jsonpath {[1:2:3:4]}, invalid array index 1:2:3:4\n'],
    ['{....name}', 'error: error parsing jsonpath {....name}, invalid multiple recursive descent\n'],
    ["{'\\q'}", "error: error parsing jsonpath {'\\q'}, unquote string '\\q' error invalid syntax\n"],
    ['{.extra.items[?(@.num)]', 'error: error parsing jsonpath {.extra.items[?(@.num)], unclosed action\n'],
    ['{.extra.items[0}', 'error: error parsing jsonpath {.extra.items[0}, unterminated array\n'],
    ['{.extra.items[a]}', 'error: error parsing jsonpath {.extra.items[a]}, invalid array index a\n'],
    ['{.extra.items[-]}', 'error: error parsing jsonpath {.extra.items[-]}, array index - is not a number\n'],
    ['{1.2.3}', 'error: error parsing jsonpath {1.2.3}, cannot parse number 1.2.3\n'],
    ['{+}', 'error: error parsing jsonpath {+}, cannot parse number +\n'],
    ['{"unterminated}', 'error: error parsing jsonpath {"unterminated}, unterminated quoted string\n'],
    ['{.a\n}', 'error: error parsing jsonpath {.a\n}, unclosed action\n'],
    ['{[?(@.a=="x"]}', 'error: error parsing jsonpath {[?(@.a=="x"]}, unterminated filter\n'],
    ["{.a[?(@.b=='x)]}", "error: error parsing jsonpath {.a[?(@.b=='x)]}, unterminated filter\n"],
    ['{@.a[99999999999999999999]}', 'error: error parsing jsonpath {@.a[99999999999999999999]}, array index 99999999999999999999 is not a number\n'],
    ['{😀}', "error: error parsing jsonpath {😀}, unrecognized character in action: U+1F600 '😀'\n"],
  ])('rejects %j like kubectl', (template, want) => {
    expect(failure(() => compileJsonPath(template))).toBe(want);
  });

  it.each([
    ['{.extra.items[5]}', 'array index out of bounds: index 5, length 3'],
    ['{end}', 'not in range, nothing to end'],
    ['{foo}', 'unrecognized identifier foo'],
    ['{.extra.items[?(@.num=3)].name}', 'unrecognized filter operator ='],
    ['{.extra.items[1:0]}', 'starting index 1 is greater than ending index 0'],
    ['{.extra.items[0:1:0]}', 'step must be > 0'],
    ['{.kind[0]}', 'string is not array or slice'],
    ['{.extra.nul[?(@.a)]}', '<nil> is not array or slice and cannot be filtered'],
    ['{.extra.fitems[?(@.v>2)].name}', 'incompatible types for comparison'],
    ['{.extra.items[?(@.tags==1)]}', 'invalid type for comparison'],
    ['{.extra.items[?(@.tags[0]=="x")].name}', 'array index out of bounds: index 0, length 0'],
    ['{range .extra.items[0:1]}{.name}{end}{end}', 'not in range, nothing to end'],
  ])('fails %j at run time with %j', (template, err) => {
    const msg = failure(() => run(template));
    expect(msg.split('. Printing more')[0]).toBe(`error: error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${err}`);
  });

  it("shows Go's %#v of the object when execution fails", () => {
    expect(failure(() => run('{end}', { a: [1, 1.5, null, 'x\ty', true], b: {} }))).toBe(
      'error: error executing jsonpath "{end}": Error executing template: not in range, nothing to end. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{end}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":[]interface {}{1, 1.5, interface {}(nil), "x\\ty", true}, "b":map[string]interface {}{}}\n\n\n',
    );
  });

  it('prints each result list as indented JSON for jsonpath-as-json', () => {
    expect(compileJsonPath('{.extra.items[*].name}{"x"}', { asJSON: true }).execute(obj)).toBe(
      '[\n    "a",\n    "b",\n    "c"\n]\n[\n    "x"\n]\n',
    );
  });

  it('keeps client-go range state between executions, as `kubectl get -w` does', () => {
    // client-go leaves Root.Nodes narrowed to the range body, so the second object fails
    // (kubectl's watch loop swallows that error and stops printing: `12!` and nothing more).
    const jp = compileJsonPath('{range .items[*]}{.n}{end}!');
    expect(jp.execute({ items: [{ n: 1 }, { n: 2 }] })).toBe('12!');
    expect(failure(() => jp.execute({ items: [{ n: 3 }] }))).toContain('Error executing template: not in range, nothing to end.');
  });

  it('gives custom-columns the raw client-go errors', () => {
    expect(failure(() => newJsonPath('{.a[}'))).toBe('error: unterminated array\n');
    expect(failure(() => newJsonPath('{.a[9]}').findResults({ a: [] }))).toBe('error: array index out of bounds: index 9, length 0\n');
  });
});

describe('relaxedJsonPath', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['..name', '{..name}'],
    ['[0]', '{.[0]}'],
    ['', ''],
  ])('turns %j into %j', (expr, want) => {
    expect(relaxedJsonPath(expr)).toBe(want);
  });

  it.each(['{.a', '{.a}{.b}', '{}', 'a}'])('rejects %j', (expr) => {
    expect(() => relaxedJsonPath(expr)).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});

describe('jsonpath properties', () => {
  const piece = fc.constantFrom(
    '{', '}', '.', '..', '[', ']', '*', '?(', ')', '@', '$', ' ', 'range', 'end', '"', "'", '\\', ':', ',', '-1', '0', '3.5',
    '==', '!=', '<', '>=', '=', '!', 'true', 'name', 'items', '\n', 'é', '😀', '\ud800',
  );
  const template = fc.oneof(fc.string(), fc.array(piece, { maxLength: 12 }).map((p) => p.join('')));

  it('throws nothing but JsonPathError, parsing or running', () => {
    fc.assert(
      fc.property(template, (t) => {
        try {
          compileJsonPath(t).execute(obj);
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe.skipIf(!hasKubectl)('jsonpath against kubectl 1.32', () => {
  it('matches kubectl for a mix of valid and broken templates', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jsonpath-test-')), 'obj.json');
    writeFileSync(file, JSON.stringify(obj));
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const toks = ['{', '}', '.extra', '.items', '.name', '.num', '.tags', '.metadata', '.labels', '[', ']', '[*]', '[0]', '[-1]',
      '[1:]', '[::2]', '[?(@.num>3)]', '[?(@.name=="a")]', '[?(@.tags)]', '*', '@', '$', ' ', 'range ', 'end', '{end}',
      '{range .extra.items[*]}', '"x"', "'y'", '"\\n"', '0', ':', ',', '==', '=', '!', '\\', '.arr', '.f', '.nul', 'true', '3.5'];
    const templates: string[] = [];
    while (templates.length < 80) {
      let t = rnd() < 0.7 ? '{' : '';
      for (let n = 1 + Math.floor(rnd() * 6); n > 0; n--) t += toks[Math.floor(rnd() * toks.length)];
      if (rnd() < 0.7) t += '}';
      // Go visits map entries in random order, so recursive descent and wildcards over maps
      // with several keys cannot be compared byte for byte.
      if (!/\.\.|\.\*|\*\]|\.metadata[^.]*\*/.test(t) && !t.includes('.metadata}') && !t.includes('.metadata.labels*')) templates.push(t);
    }
    const kubectl = (t: string) =>
      new Promise<{ out: string; err: string }>((resolve) => {
        const p = spawn('kubectl', ['patch', '-f', file, '--local', '-p', '{}', '--type', 'merge', '-o', `jsonpath=${t}`]);
        let out = '';
        let err = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.stderr.on('data', (d: Buffer) => (err += d.toString()));
        p.on('close', () => resolve({ out, err }));
      });
    for (let i = 0; i < templates.length; i += 8) {
      const batch = templates.slice(i, i + 8);
      const results = await Promise.all(batch.map(kubectl));
      batch.forEach((t, k) => {
        const want = results[k]!;
        let got: { out: string; err: string };
        try {
          got = { out: run(t), err: '' };
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          got = { out: '', err: `error: ${e.message}\n` };
        }
        expect({ t, ...got }).toEqual({ t, ...want });
      });
    }
  }, 60_000);
});
