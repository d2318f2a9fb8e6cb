/**
 * Tab completion in the terminal, as bash does it: the shell proposes candidates for the word
 * before the cursor; a single candidate is inserted (with a space after a finished word), a
 * longer common prefix is inserted, and a second Tab with nothing to insert lists them.
 */
import type { Completion } from '@wheelhouse/sim-engine';
import type { Completer, CompletionRequest, CompletionResult } from './terminal/terminal-session.ts';

/** CompleteFn is the shell's completion, e.g. `(line, cursor) => session.shell.complete(line, cursor)`. */
export type CompleteFn = (line: string, cursor: number) => Completion;

/** shellCompleter adapts a shell's completion to the terminal's Completer. */
export function shellCompleter(complete: CompleteFn): Completer {
  return (request) => resolveCompletion(request, complete(request.line, request.cursor));
}

/** resolveCompletion decides what one Tab press does with the shell's candidates. */
export function resolveCompletion(request: CompletionRequest, completion: Completion): CompletionResult | null {
  const start = Math.max(0, Math.min(completion.start, request.cursor));
  const word = request.line.slice(start, request.cursor);
  const candidates = [...new Set(completion.candidates)];
  if (candidates.length === 0) return null;
  if (candidates.length === 1) {
    const only = candidates[0]!;
    return { insert: only + (finished(only) ? ' ' : ''), replace: word.length };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { insert: prefix, replace: word.length };
  if (request.repeated) return { candidates: displayNames(candidates) };
  return {};
}

/** commonPrefix returns the longest prefix all strings share. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  // Never split a surrogate pair.
  const last = prefix.charCodeAt(prefix.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? prefix.slice(0, -1) : prefix;
}

// A directory (`k8s/`) or a flag waiting for its value (`--namespace=`) is not finished yet.
function finished(candidate: string): boolean {
  return !candidate.endsWith('/') && !candidate.endsWith('=');
}

// bash lists file names without their shared directory, and without the backslashes that escape blanks.
function displayNames(candidates: readonly string[]): string[] {
  const prefix = commonPrefix(candidates);
  const dir = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  return candidates.map((c) => c.slice(dir.length).replace(/\\(.)/g, '$1'));
}
