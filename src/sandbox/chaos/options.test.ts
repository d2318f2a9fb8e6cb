import { describe, expect, it } from 'vitest';
import { parseChaosOptions } from './options.ts';

describe('parseChaosOptions', () => {
  it('offers nothing without the attribute', () => {
    expect(parseChaosOptions(undefined)).toBeUndefined();
    expect(parseChaosOptions('false')).toBeUndefined();
  });

  it('offers everything for an empty attribute or "true"', () => {
    const all = { deletePod: true, stopNode: true, breakImage: true };
    expect(parseChaosOptions('')).toEqual(all);
    expect(parseChaosOptions('true')).toEqual(all);
  });

  it('offers the named controls', () => {
    expect(parseChaosOptions('deletePod stopNode')).toEqual({ deletePod: true, stopNode: true, breakImage: false });
    expect(parseChaosOptions('breakImage,deletePod')).toEqual({ deletePod: true, stopNode: false, breakImage: true });
  });
});
