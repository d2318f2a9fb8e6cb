import { describe, expect, it } from 'vitest';
import { SAVE_SCHEMA, type SavedSandbox } from './envelope.ts';
import { isQuotaError, SavedSandboxStore, type StorageLike } from './saved-sandbox-store.ts';
import { storageKey } from './storage-key.ts';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  quota = Number.POSITIVE_INFINITY;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw Object.assign(new Error('exceeded the quota'), { name: 'QuotaExceededError' });
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const saved = (): SavedSandbox => ({
  schema: SAVE_SCHEMA,
  savedAt: 1,
  session: { version: 1, cluster: {}, shell: {}, context: {} } as unknown as SavedSandbox['session'],
  terminal: { history: [], scrollback: '' },
});

describe('storageKey', () => {
  it('is the page path and the sandbox id', () => {
    expect(storageKey('/03-pods/01-your-first-pod/', '03-pods/01-your-first-pod')).toBe('wheelhouse:sandbox:/03-pods/01-your-first-pod/#03-pods/01-your-first-pod');
    expect(storageKey('/dev/two-sandboxes', 'second')).toBe('wheelhouse:sandbox:/dev/two-sandboxes/#second');
    expect(storageKey('', 'a')).toBe('wheelhouse:sandbox:/#a');
  });
});

describe('SavedSandboxStore', () => {
  it('round-trips an envelope and clears it', () => {
    const storage = new MemoryStorage();
    const store = new SavedSandboxStore(storage, 'k');
    expect(store.load()).toEqual({ kind: 'empty' });
    expect(store.save(saved())).toMatchObject({ ok: true });
    expect(store.load()).toEqual({ kind: 'ok', saved: saved() });
    store.clear();
    expect(store.load()).toEqual({ kind: 'empty' });
  });

  it('discards corrupt data with a reason', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', 'not json');
    expect(new SavedSandboxStore(storage, 'k').load()).toEqual({ kind: 'discarded', reason: 'The saved data is not valid JSON.' });
  });

  it('reports a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.quota = 10;
    expect(new SavedSandboxStore(storage, 'k').save(saved())).toEqual({ ok: false, reason: "The browser's storage for this site is full." });
  });

  it('survives storage that throws on every access', () => {
    const blocked: StorageLike = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('SecurityError'); },
      removeItem: () => { throw new Error('SecurityError'); },
    };
    const store = new SavedSandboxStore(blocked, 'k');
    expect(store.load().kind).toBe('discarded');
    expect(store.save(saved())).toEqual({ ok: false, reason: 'The browser refused to store it (SecurityError).' });
    expect(() => store.clear()).not.toThrow();
    expect(new SavedSandboxStore(undefined, 'k').load()).toEqual({ kind: 'empty' });
  });

  it('recognises quota errors by name or legacy code', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
