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
