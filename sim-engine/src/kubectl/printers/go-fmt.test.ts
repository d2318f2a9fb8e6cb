import { describe, expect, it } from 'vitest';
import { GoNumber, decodeUTF8, formatFloatG, goQuote, goSharpV, goSprint, goTypeName, utf8Bytes } from './go-fmt.ts';

describe('formatFloatG', () => {
  it.each([
    [1.5, '1.5'], [0.1, '0.1'], [100000.5, '100000.5'], [1234567.5, '1.2345675e+06'], [1e6, '1e+06'], [123456, '123456'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [-2.5e-10, '-2.5e-10'], [1e21, '1e+21'], [1e100, '1e+100'], [5e-324, '5e-324'],
    [0, '0'], [-0, '-0'], [Infinity, '+Inf'], [NaN, 'NaN'],
  ])('formats %d as %s', (n, want) => {
    expect(formatFloatG(n)).toBe(want);
  });
});

describe('Go fmt verbs', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\t\x1b\x7f é 😀 \u00a0\u2028')).toBe('"a\\"b\\\\c\\n\\t\\x1b\\x7f é 😀 \\u00a0\\u2028"');
  });

  it('prints %v with sorted maps and <nil>', () => {
    expect(goSprint({ b: [1, 'x', null], a: { c: 1.5 } })).toBe('map[a:map[c:1.5] b:[1 x <nil>]]');
    expect(goSprint(new GoNumber('float64', 3))).toBe('3');
    expect(goSprint(1e7)).toBe('10000000');
    expect(goSprint(1e20)).toBe('1e+20');
  });

  it('prints %#v as map[string]interface {} literals', () => {
    expect(goSharpV({ b: [1, 'x', null], a: {} })).toBe(
      'map[string]interface {}{"a":map[string]interface {}{}, "b":[]interface {}{1, "x", interface {}(nil)}}',
    );
  });

  it('names the Go types unstructured data has', () => {
    expect([1, 1.5, 'a', true, [], {}, new GoNumber('uint8', 1)].map(goTypeName)).toEqual([
      'int64', 'float64', 'string', 'bool', '[]interface {}', 'map[string]interface {}', 'uint8',
    ]);
  });
});

describe('UTF-8', () => {
  it('round-trips text and replaces invalid sequences with U+FFFD', () => {
    expect(decodeUTF8(utf8Bytes('aé€😀'))).toBe('aé€😀');
    expect(decodeUTF8([0x41, 0xe9, 0x42, 0xed, 0xa0, 0x80])).toBe('A\ufffdB\ufffd\ufffd\ufffd');
  });
});
