/** Helpers for driving a lesson's sandbox terminal the way a learner does: typing and reading. */
import { expect, type Locator, type Page } from '@playwright/test';

/** sandbox returns the first sandbox on the page. */
export function sandbox(page: Page): Locator {
  return page.locator('wh-sandbox').first();
}

/** openSandbox scrolls the sandbox into view and waits until its terminal is live. */
export async function openSandbox(page: Page): Promise<Locator> {
  const box = sandbox(page);
  await box.scrollIntoViewIfNeeded();
  await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  return box;
}

/** terminalText is what the terminal currently shows, row by row. */
export async function terminalText(box: Locator): Promise<string> {
  return box.locator('.xterm-rows').innerText();
}

/** typeCommand clicks into the terminal, types a command like a person, and presses Enter. */
export async function typeCommand(page: Page, box: Locator, command: string): Promise<void> {
  await box.locator('.xterm').click();
  await page.keyboard.type(command, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** NOTEBOOK is the test page whose code blocks are runnable cells (src/pages/dev/notebook.astro). */
export const NOTEBOOK = '/dev/notebook/';

/** showPanel selects one of the sandbox's tabs (Terminal, Editor, Cluster map) and returns its pane. */
export async function showPanel(box: Locator, tab: 'Terminal' | 'Editor' | 'Cluster map'): Promise<Locator> {
  await box.getByRole('tab', { name: tab }).click();
  const name = { Terminal: 'terminal', Editor: 'editor', 'Cluster map': 'map' }[tab];
  const pane = box.locator(`[data-panel="${name}"]`);
  await expect(pane).toBeVisible();
  return pane;
}

/** inSandbox runs `fn` in the page with the sandbox's controller (the `sandbox` property of `<wh-sandbox>`). */
export async function inSandbox<R, A>(box: Locator, fn: (controller: SandboxControllerLike, arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return box.evaluate(
    async (el, [source, a]) => {
      const f = new Function(`return (${source})`)() as (c: unknown, a: unknown) => unknown;
      return f((el as HTMLElement & { sandbox: unknown }).sandbox, a);
    },
    [fn.toString(), arg] as const,
  ) as Promise<R>;
}

/** SandboxControllerLike is the slice of the controller the specs reach into. */
export interface SandboxControllerLike {
  session: {
    cluster: {
      api: {
        create(obj: unknown, actor: string): unknown;
        get(kind: string, ns: string, name: string): { spec: Record<string, unknown> } & Record<string, unknown>;
        update(obj: unknown, actor: string): unknown;
        list(kind: string, ns?: string): { metadata: { name: string; annotations?: Record<string, string>; ownerReferences?: { name: string }[] }; status?: Record<string, unknown> }[];
      };
      advance(ms: number): void;
    };
    shell: { fs: { read(path: string): string; kind(path: string): string | undefined } };
  };
  setSpeed?(speed: number): void;
}
