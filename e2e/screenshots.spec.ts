import { test } from '@playwright/test';
import { openSandbox, typeCommand, terminalText } from './sandbox.ts';
import { expect } from '@playwright/test';

const LESSON = '/03-pods/01-your-first-pod/';

for (const scheme of ['light', 'dark'] as const) {
  for (const [label, width, height] of [
    ['wide', 1440, 900],
    ['narrow', 390, 844],
  ] as const) {
    test(`lesson screenshot, ${scheme}, ${label}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.goto(LESSON);
      if (label === 'wide') {
        const box = await openSandbox(page);
        await typeCommand(page, box, 'kubectl run web --image=nginx');
        await typeCommand(page, box, 'kubectl get nodes');
        await expect.poll(() => terminalText(box)).toContain('node-3');
        await page.waitForTimeout(2500);
        await typeCommand(page, box, 'kubectl get pods -o wide');
        await expect.poll(() => terminalText(box)).toContain('NOMINATED NODE');
      }
      await page.screenshot({ path: `e2e/screenshots/lesson-${scheme}-${label}.png`, fullPage: label === 'narrow' });
    });
  }
}
