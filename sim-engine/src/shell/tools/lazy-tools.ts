/**
 * The text tools load on first use, like kubectl's verbs: each name in the registry is a small
 * program that awaits the tools' module, then runs the real one. Hosts that want them ready
 * sooner (the browser, on the learner's first keystroke) call loadTextTools() early.
 */
import type { Builtin } from '../commands/runtime.ts';

type TextTools = typeof import('./text-tools.ts');

let loading: Promise<TextTools> | undefined;

/** loadTextTools resolves to the text tools, importing them the first time. A failed load is tried again on the next call. */
export function loadTextTools(): Promise<TextTools> {
  loading ??= import('./text-tools.ts').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/** lazyTool is the registry's stand-in for a text tool: it loads the tools, then runs `name`. */
export function lazyTool(name: keyof TextTools): Builtin {
  return async (ctx, rt) => (await loadTextTools())[name](ctx, rt);
}
