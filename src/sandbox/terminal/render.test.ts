import { describe, expect, it } from 'vitest';
import { cursorMove, formatColumns, layoutCells } from './render.ts';

describe('layoutCells', () => {
  it('wraps narrow cells and puts the end of an exactly full row on the next row', () => {
    expect(layoutCells([1, 1, 1, 1], 2)).toEqual([
      { row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 1 }, { row: 2, col: 0 },
    ]);
  });

  it('moves a wide cell that does not fit to the next row', () => {
    expect(layoutCells([1, 1, 2], 3)).toEqual([
      { row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 2 },
    ]);
  });

  it('never wraps for zero-width cells', () => {
    expect(layoutCells([1, 1, 0], 2).at(-1)).toEqual({ row: 1, col: 0 });
    expect(layoutCells([1, 0], 2).at(-1)).toEqual({ row: 0, col: 1 });
  });
});

describe('cursorMove', () => {
  it('uses relative moves within a row and CUU/CUD + CHA across rows', () => {
    expect(cursorMove({ row: 0, col: 5 }, { row: 0, col: 5 })).toBe('');
    expect(cursorMove({ row: 0, col: 5 }, { row: 0, col: 4 })).toBe('\b');
    expect(cursorMove({ row: 0, col: 5 }, { row: 0, col: 2 })).toBe('\x1b[3D');
    expect(cursorMove({ row: 0, col: 5 }, { row: 0, col: 0 })).toBe('\r');
    expect(cursorMove({ row: 0, col: 2 }, { row: 0, col: 5 })).toBe('\x1b[3C');
    expect(cursorMove({ row: 3, col: 2 }, { row: 1, col: 7 })).toBe('\x1b[2A\x1b[8G');
    expect(cursorMove({ row: 1, col: 2 }, { row: 2, col: 0 })).toBe('\x1b[1B\r');
    expect(cursorMove({ row: 1, col: 2 }, { row: 2, col: 2 })).toBe('\x1b[1B');
  });
});

describe('formatColumns', () => {
  it('lists column-major like bash, padding all but the last column', () => {
    const items = ['configmaps', 'deployments', 'nodes', 'pods', 'secrets'];
    expect(formatColumns(items, 40)).toEqual([
      'configmaps   nodes        secrets',
      'deployments  pods',
    ]);
  });

  it('falls back to one column when items are wider than the terminal', () => {
    expect(formatColumns(['a-very-long-name', 'b'], 10)).toEqual(['a-very-long-name', 'b']);
  });

  it('returns nothing for no items', () => {
    expect(formatColumns([], 80)).toEqual([]);
  });
});
