/**
 * A panel's view of the controller: the same hub, but every onChange subscription the panel
 * makes is remembered and dropped when the panel is unmounted (on reset or teardown), so a
 * panel that forgets to unsubscribe cannot leak or keep rendering a discarded session.
 */
import type { SandboxController } from './controller.ts';

/** PanelScope is a scoped controller and the function that ends the scope. */
export interface PanelScope {
  readonly controller: SandboxController;
  dispose(): void;
}

/** scopeController wraps `c` so that disposing the scope unsubscribes everything subscribed through it. */
export function scopeController(c: SandboxController): PanelScope {
  const subscriptions = new Set<() => void>();
  let disposed = false;
  const controller: SandboxController = {
    get id() {
      return c.id;
    },
    get session() {
      return c.session;
    },
    get clock() {
      return c.clock;
    },
    runInTerminal: (command) => c.runInTerminal(command),
    typeInTerminal: (command) => c.typeInTerminal(command),
    runQuietly: (command) => c.runQuietly(command),
    get editing() {
      return c.editing;
    },
    finishEdit: (save) => c.finishEdit(save),
    onChange(listener) {
      if (disposed) return () => {};
      const off = c.onChange(listener);
      subscriptions.add(off);
      return () => {
        off();
        subscriptions.delete(off);
      };
    },
    save: () => c.save(),
    reset: () => c.reset(),
    startFrom: (scenario) => c.startFrom(scenario),
  };
  return {
    controller,
    dispose() {
      disposed = true;
      for (const off of subscriptions) off();
      subscriptions.clear();
    },
  };
}
