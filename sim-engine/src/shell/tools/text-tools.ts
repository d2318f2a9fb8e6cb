/**
 * The text tools (awk, sed, grep, sort, cut, tr, …): most of the shell's code, and none of it
 * needed before the learner's first pipe. They load with lazy-tools.ts; this is the chunk.
 */
export { awk } from './awk.ts';
export { base64 } from './base64.ts';
export { cut } from './cut.ts';
export { grep } from './grep.ts';
export { head, tail } from './head-tail.ts';
export { sed } from './sed.ts';
export { seq } from './seq.ts';
export { sort, uniq } from './sort.ts';
export { tee } from './tee.ts';
export { tr } from './tr.ts';
export { wc } from './wc.ts';
export { xargs } from './xargs.ts';
