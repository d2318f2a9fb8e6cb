import { describe, it, expect } from 'vitest';
import { OptionError, last, parseOptions } from './options.ts';

const spec = { flags: 'ivc', values: 'en', long: { 'ignore-case': 'i', 'regexp=': 'e', count: 'c' } };

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof OptionError) return e.message;
    throw e;
  }
  return '';
}

describe('parseOptions', () => {
  it('reads bundles, attached and separate values, long forms and permuted operands', () => {
    const o = parseOptions(['-iv', 'pat', '-e', 'x', '-ey', 'file', '--regexp=z', '--count', '-n5'], spec);
    expect([...o.flags]).toEqual([
      ['i', 1],
      ['v', 1],
      ['c', 1],
    ]);
    expect(o.values.get('e')).toEqual(['x', 'y', 'z']);
    expect(last(o, 'n')).toBe('5');
    expect(o.operands).toEqual(['pat', 'file']);
  });

  it('treats - as an operand and stops at --', () => {
    expect(parseOptions(['-', '--', '-i'], spec).operands).toEqual(['-', '-i']);
  });

  it('stops at the first operand when asked', () => {
    expect(parseOptions(['-i', 'cmd', '-v'], { ...spec, stopAtOperand: true }).operands).toEqual(['cmd', '-v']);
  });

  it('notices --help', () => {
    expect(parseOptions(['--help'], spec).help).toBe(true);
  });

  it("words errors like GNU getopt", () => {
    expect(message(() => parseOptions(['-z'], spec))).toBe("invalid option -- 'z'");
    expect(message(() => parseOptions(['-n'], spec))).toBe("option requires an argument -- 'n'");
    expect(message(() => parseOptions(['--nope'], spec))).toBe("unrecognized option '--nope'");
    expect(message(() => parseOptions(['--regexp'], spec))).toBe("option '--regexp' requires an argument");
    expect(message(() => parseOptions(['--count=3'], spec))).toBe("option '--count' doesn't allow an argument");
  });
});
