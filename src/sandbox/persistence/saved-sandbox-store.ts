/**
 * SavedSandboxStore reads and writes one sandbox's envelope. It never throws: unreadable
 * data and failed writes come back as results the sandbox can explain to the learner.
 */
import { parseEnvelope, type SavedSandbox } from './envelope.ts';

/** StorageLike is the part of the Web Storage API the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** LoadResult says what was found under the key. */
export type LoadResult = { kind: 'empty' } | { kind: 'ok'; saved: SavedSandbox } | { kind: 'discarded'; reason: string };

/** SaveResult says whether a save worked and, if not, why in plain words. */
export type SaveResult = { ok: true; bytes: number } | { ok: false; reason: string };

/** SavedSandboxStore persists one sandbox under one key. */
export class SavedSandboxStore {
  readonly key: string;
  private readonly storage: StorageLike | undefined;

  constructor(storage: StorageLike | undefined, key: string) {
    this.storage = storage;
    this.key = key;
  }

  /** load returns the saved envelope, nothing, or why what was there cannot be used. */
  load(): LoadResult {
    let text: string | null;
    try {
      text = this.storage?.getItem(this.key) ?? null;
    } catch {
      return { kind: 'discarded', reason: 'The browser did not let this page read its saved data.' };
    }
    if (text === null) return { kind: 'empty' };
    const parsed = parseEnvelope(text);
    return parsed.ok ? { kind: 'ok', saved: parsed.value } : { kind: 'discarded', reason: parsed.reason };
  }

  /** save writes the envelope; storage that is full or blocked is reported, not thrown. */
  save(saved: SavedSandbox): SaveResult {
    if (!this.storage) return { ok: false, reason: 'This browser does not offer storage to this page.' };
    let text: string;
    try {
      text = JSON.stringify(saved);
    } catch (e) {
      return { ok: false, reason: `The sandbox could not be written down (${message(e)}).` };
    }
    try {
      this.storage.setItem(this.key, text);
      return { ok: true, bytes: text.length };
    } catch (e) {
      return { ok: false, reason: isQuotaError(e) ? "The browser's storage for this site is full." : `The browser refused to store it (${message(e)}).` };
    }
  }

  /** clear forgets the saved state. */
  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      /* nothing to forget if storage is blocked */
    }
  }
}

/** isQuotaError recognises the storage-full errors of Chromium, Firefox and Safari. */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
