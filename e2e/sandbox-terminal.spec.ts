import { expect, test } from '@playwright/test';
import { LESSON, promptLine, ready, run, screen, typeLine } from './sandbox-helpers.ts';

test.describe('sandbox terminal', () => {
  test('Tab completes kubectl words: resource types and live object names', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await run(page, box, 'kubectl run web --image=nginx');
    await typeLine(page, box, 'kubectl get po');
    await page.keyboard.press('Tab');
    await expect.poll(() => promptLine(box)).toBe('kubectl get pods ');
    await page.keyboard.press('Control+U');
    await page.keyboard.type('kubectl describe pod w');
    await page.keyboard.press('Tab');
    await expect.poll(() => promptLine(box)).toBe('kubectl describe pod web ');
    await page.keyboard.press('Enter');
    await expect.poll(() => screen(box)).toContain('Successfully assigned');
    // Double Tab lists the candidates, as bash does.
    await page.keyboard.type('kubectl de');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => screen(box)).toMatch(/delete\s+describe/);
    await expect.poll(() => promptLine(box)).toBe('kubectl de');
  });

  test('copy with Ctrl+C on a selection, paste with Ctrl+V; Ctrl+C without a selection interrupts', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await run(page, box, 'echo hello-clipboard');
    const row = box.locator('.xterm-rows > div', { hasText: /^hello-clipboard\s*$/ }).first();
    const rect = (await row.boundingBox())!;
    // xterm.js selects on its screen layer, which sits above the text rows.
    await page.mouse.dblclick(rect.x + 20, rect.y + rect.height / 2);
    await page.keyboard.press('Control+C');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('hello-clipboard');
    // Copying is not an interrupt: no ^C was echoed.
    expect(await screen(box)).not.toContain('^C');
    await page.keyboard.type('echo ');
    await page.keyboard.press('Control+V');
    await expect.poll(() => promptLine(box)).toBe('echo hello-clipboard');
    await page.keyboard.press('Control+C');
    await expect.poll(() => screen(box)).toContain('^C');
    await expect.poll(() => promptLine(box)).toBe('');
  });

  test('long-running commands stream and stop on Ctrl+C: sleep and watch', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await typeLine(page, box, 'sleep 30');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await box.evaluate((el) => (el as HTMLElement & { sandbox: { terminalSession: { busy: boolean } } }).sandbox.terminalSession.busy)).toBe(true);
    await page.keyboard.press('Control+C');
    await expect.poll(() => box.evaluate((el) => (el as HTMLElement & { sandbox: { terminalSession: { idle: boolean } } }).sandbox.terminalSession.idle), { timeout: 3000 }).toBe(true);

    await typeLine(page, box, 'watch -n 1 kubectl get nodes');
    await page.keyboard.press('Enter');
    await expect.poll(() => screen(box)).toContain('Every 1.0s: kubectl get nodes');
    await expect.poll(() => screen(box)).toContain('node-3');
    await page.keyboard.press('Control+C');
    await expect.poll(() => box.evaluate((el) => (el as HTMLElement & { sandbox: { terminalSession: { idle: boolean } } }).sandbox.terminalSession.idle), { timeout: 3000 }).toBe(true);
    await run(page, box, 'echo back at the prompt');
    await expect.poll(() => screen(box)).toContain('back at the prompt');
  });

  test('Escape leaves the terminal for the toolbar; Tab can come back', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await box.locator('.xterm').click();
    await expect(box.locator('.xterm-helper-textarea')).toBeFocused();
    await expect(box.locator('.xterm-helper-textarea')).toHaveAttribute('aria-describedby', /hint/);
    await page.keyboard.press('Escape');
    await expect(box.getByRole('button', { name: 'Pause the cluster clock' })).toBeFocused();
    // Nothing was typed into the terminal by leaving it.
    expect(await promptLine(box)).toBe('');
    await box.locator('.xterm').click();
    await page.keyboard.type('echo still here');
    await expect.poll(() => promptLine(box)).toBe('echo still here');
  });

  test('screen-reader mode toggles and is remembered', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    const toggle = box.getByRole('button', { name: 'Screen reader mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(box.locator('.xterm-accessibility')).toHaveCount(1);
    await page.reload();
    const again = await ready(page.locator('wh-sandbox').first());
    await expect(again.getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');
  });
});
