import { expect, test } from '@playwright/test';
import { NOTEBOOK } from './sandbox.ts';

// Pictures of notebook cells for people to look at (e2e/screenshots/cells-*.png): cells that
// ran, one still running, a manifest with its buttons. Light and dark, wide and narrow.
for (const scheme of ['light', 'dark'] as const) {
  for (const [label, width, height] of [
    ['wide', 1440, 900],
    ['narrow', 390, 844],
  ] as const) {
    test(`cells screenshot, ${scheme}, ${label}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.goto(NOTEBOOK);
      const box = page.locator('#sandbox wh-sandbox');
      await box.scrollIntoViewIfNeeded();
      await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
      const cells = page.locator('[data-code-block][data-run]');
      await cells.nth(3).getByRole('button', { name: 'Run all above' }).click();
      await expect(cells.nth(2).locator('[data-cell-count]')).toHaveText('[3]');
      await cells.nth(3).getByRole('button', { name: 'Run', exact: true }).click();
      await expect(cells.nth(3).locator('.cell-output__text')).toHaveText('written by a cell');
      await cells.nth(1).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -60));
      await page.screenshot({ path: `e2e/screenshots/cells-${scheme}-${label}.png` });
    });
  }
}
