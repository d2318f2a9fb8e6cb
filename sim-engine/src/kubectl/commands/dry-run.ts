/** The `--dry-run` flag: none, client or server, and the suffix success messages get. */
import type { Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { str } from '../flags.ts';

/** DryRunMode is what `--dry-run` asked for. */
export type DryRunMode = 'none' | 'client' | 'server';

/** dryRunMode reads `--dry-run`, accepting kubectl's spellings. */
export function dryRunMode(inv: Invocation): DryRunMode {
  const v = str(inv.flags, 'dry-run', 'none');
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'true') return 'client';
  if (v === 'false') return 'none';
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** dryRunSuffix is what kubectl appends to an operation's message: ` (dry run)` or ` (server dry run)`. */
export function dryRunSuffix(mode: DryRunMode): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}
