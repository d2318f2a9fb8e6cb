import { describe, it, expect } from 'vitest';
import { own } from './record.ts';

describe('own', () => {
  it('finds own keys and ignores inherited members', () => {
    const table: Record<string, number> = { a: 1 };
    expect(own(table, 'a')).toBe(1);
    expect(own(table, 'constructor')).toBeUndefined();
    expect(own(table, '__proto__')).toBeUndefined();
    expect(own(table, 'toString')).toBeUndefined();
  });
});
