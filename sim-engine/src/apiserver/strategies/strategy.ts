/** Strategy is what the API server does per kind: defaulting, validation and create-time preparation. */
import type { KubeObject } from '../../api/meta.ts';
import type { Random } from '../../random.ts';
import type { Store } from '../../store/store.ts';
import type { FieldError } from '../errors.ts';

/** StrategyContext gives strategies what they may read: the store, the seeded random source and the time. */
export interface StrategyContext {
  store: Store;
  random: Random;
  now: number;
}

/** Strategy customises create and update for one kind; every hook is optional. */
export interface Strategy<T extends KubeObject = KubeObject> {
  /** prepareForCreate sets server-owned fields (status, allocated IPs) on a new object. */
  prepareForCreate?(obj: T, ctx: StrategyContext): T;
  /** defaults fills in defaulted fields, on create and on update. */
  defaults?(obj: T, ctx: StrategyContext): T;
  /** validate returns the object's field errors. */
  validate?(obj: T, ctx: StrategyContext): FieldError[];
  /** validateUpdate returns the errors of changing `old` into `obj` (immutable fields). */
  validateUpdate?(obj: T, old: T, ctx: StrategyContext): FieldError[];
  /** nameCheck validates metadata.name; defaults to an RFC 1123 subdomain. */
  nameCheck?(field: string, value: string): FieldError[];
  /** hasGeneration is true for kinds whose spec changes bump metadata.generation. */
  hasGeneration?: boolean;
}
