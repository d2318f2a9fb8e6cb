/**
 * The implemented kubectl verbs, loaded on first use. They are most of kubectl's code (the
 * printers, the go-yaml decoder, the API schema and docs behind `-f` and `explain`), so a page
 * that shows a sandbox nobody types into never downloads them. kubectl awaits them before it
 * runs; completion offers verbs and flags once they are in. Hosts that want them ready sooner
 * (the browser, on the learner's first keystroke) call loadCommands() early.
 */
import type { Command } from './command.ts';

let loaded: readonly Command[] | undefined;
let loading: Promise<readonly Command[]> | undefined;

/** loadCommands resolves to the implemented verbs, importing them the first time. A failed load is tried again on the next call. */
export function loadCommands(): Promise<readonly Command[]> {
  loading ??= import('./commands/index.ts').then(
    (m) => (loaded = m.COMMANDS),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** loadedCommands returns the verbs if they are loaded; otherwise it starts loading them and returns undefined. */
export function loadedCommands(): readonly Command[] | undefined {
  if (!loaded) loadCommands().catch(() => {});
  return loaded;
}
