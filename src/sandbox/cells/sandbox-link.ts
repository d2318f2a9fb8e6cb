/**
 * How lesson code (notebook cells, YAML blocks) reaches a sandbox on the page. The sandbox chrome
 * keeps the protocol: a live `<wh-sandbox>` exposes its controller as the `sandbox` property
 * and announces it with a `wh-sandbox-ready` event; `wh-sandbox-start` asks a sandbox that has not
 * scrolled into view to start now; `wh-sandbox-reset` says it went back to the lesson's start.
 */
import type { SandboxController } from '../controller.ts';

/** SANDBOX_READY_EVENT is dispatched on `<wh-sandbox>` when its controller exists (detail: `{ controller }`). */
export const SANDBOX_READY_EVENT = 'wh-sandbox-ready';
/** SANDBOX_START_EVENT asks a `<wh-sandbox>` to start at once. */
export const SANDBOX_START_EVENT = 'wh-sandbox-start';
/** SANDBOX_RESET_EVENT is dispatched on `<wh-sandbox>` after a reset. */
export const SANDBOX_RESET_EVENT = 'wh-sandbox-reset';

/** SandboxHost is a `<wh-sandbox>` element, with its controller once it is live. */
export type SandboxHost = HTMLElement & { sandbox?: SandboxController };

/** sandboxHosts lists the page's sandboxes in document order. */
export function sandboxHosts(): SandboxHost[] {
  return [...document.querySelectorAll<SandboxHost>('wh-sandbox[data-sandbox-id]')];
}

/** lessonHost is the lesson's own sandbox: the one in the side panel (`#sandbox`), else the page's first. */
export function lessonHost(): SandboxHost | undefined {
  return document.querySelector<SandboxHost>('#sandbox wh-sandbox[data-sandbox-id]') ?? sandboxHosts()[0];
}

/** hostById finds a sandbox by its id. */
export function hostById(id: string): SandboxHost | undefined {
  return sandboxHosts().find((h) => h.dataset.sandboxId === id);
}

/** connect resolves to a sandbox's controller, starting the sandbox if it has not started. */
export function connect(host: SandboxHost, timeoutMs = 20_000): Promise<SandboxController> {
  if (host.sandbox) return Promise.resolve(host.sandbox);
  return new Promise((resolve, reject) => {
    const done = (c: SandboxController | undefined): boolean => {
      if (!c) return false;
      clearInterval(poll);
      clearTimeout(timer);
      host.removeEventListener(SANDBOX_READY_EVENT, onReady);
      resolve(c);
      return true;
    };
    const onReady = (e: Event): void => void done((e as CustomEvent<{ controller?: SandboxController }>).detail?.controller ?? host.sandbox);
    host.addEventListener(SANDBOX_READY_EVENT, onReady);
    const poll = setInterval(() => done(host.sandbox), 100);
    const timer = setTimeout(() => {
      clearInterval(poll);
      host.removeEventListener(SANDBOX_READY_EVENT, onReady);
      reject(new Error('The sandbox did not start.'));
    }, timeoutMs);
    host.dispatchEvent(new CustomEvent(SANDBOX_START_EVENT));
  });
}
