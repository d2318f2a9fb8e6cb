/** Helpers for the sandbox e2e specs: reaching a sandbox's controller and reading its state. */
import { expect, type Locator, type Page } from '@playwright/test';

/** FIXTURE is the test page with two sandboxes (the first with chaos controls). */
export const FIXTURE = '/dev/two-sandboxes/';
/** LESSON is a lesson with a sandbox in its side panel. */
export const LESSON = '/03-pods/01-your-first-pod/';

/** ready waits until a sandbox's terminal is live and returns it. */
export async function ready(box: Locator): Promise<Locator> {
  await box.scrollIntoViewIfNeeded();
  await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  return box;
}

/** promptLine is the line being edited at the sandbox's prompt. */
export async function promptLine(box: Locator): Promise<string> {
  return box.evaluate((el) => (el as HTMLElement & { sandbox: { terminalSession: { editor: { line: string } } } }).sandbox.terminalSession.editor.line);
}

/** quietly runs a command through the controller, outside the terminal, and returns its output. */
export async function quietly(box: Locator, command: string): Promise<string> {
  return box.evaluate(async (el, cmd) => (await (el as HTMLElement & { sandbox: { runQuietly(c: string): Promise<{ output: string }> } }).sandbox.runQuietly(cmd)).output, command);
}

/** typeLine clicks into the sandbox's terminal and types `text` without pressing Enter. */
export async function typeLine(page: Page, box: Locator, text: string): Promise<void> {
  await box.locator('.xterm').click();
  await page.keyboard.type(text, { delay: 5 });
}

/** run types a command in the sandbox's terminal, presses Enter and waits for the prompt to come back. */
export async function run(page: Page, box: Locator, command: string): Promise<void> {
  await typeLine(page, box, command);
  await page.keyboard.press('Enter');
  await expect.poll(() => box.evaluate((el) => (el as HTMLElement & { sandbox: { terminalSession: { idle: boolean } } }).sandbox.terminalSession.idle)).toBe(true);
}

/** screen is the terminal's visible text. */
export async function screen(box: Locator): Promise<string> {
  return box.locator('.xterm-rows').innerText();
}

/** storedKeys lists the sandbox keys in localStorage. */
export async function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wheelhouse:sandbox:')).sort());
}
