import { describe, it, expect } from 'vitest';
import { Capture, discard } from './io.ts';

describe('Capture', () => {
  it('collects writes in order through its bound write', () => {
    const c = new Capture();
    const write = c.write;
    write('a');
    write('b\n');
    expect(c.text()).toBe('ab\n');
    expect(discard('x')).toBeUndefined();
  });
});
