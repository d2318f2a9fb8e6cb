import { expect, test } from '@playwright/test';
import { openSandbox, terminalText, typeCommand } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

// Screenshots of the lesson as a learner sees it, in both themes, wide and narrow. They are
// written to e2e/screenshots/ for people to look at; the README's picture is one of them.
for (const scheme of ['light', 'dark'] as const) {
  for (const [label, width, height] of [
    ['wide', 1440, 900],
    ['narrow', 390, 844],
  ] as const) {
    test(`lesson screenshot, ${scheme}, ${label}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.goto(LESSON);
      if (label === 'narrow') await page.screenshot({ path: `e2e/screenshots/lesson-${scheme}-${label}-top.png` });
      const box = await openSandbox(page);
      await typeCommand(page, box, 'kubectl run web --image=nginx');
      await typeCommand(page, box, 'kubectl get nodes');
      await expect.poll(() => terminalText(box)).toContain('node-3');
      await page.waitForTimeout(2500);
      await typeCommand(page, box, 'kubectl get pods');
      await expect.poll(() => terminalText(box)).toMatch(/web\s+1\/1\s+Running/);
      await page.screenshot({ path: `e2e/screenshots/lesson-${scheme}-${label}.png` });
    });
  }
}
