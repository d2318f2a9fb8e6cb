import { expect, test } from '@playwright/test';

test('reading a lesson loads no sandbox code until the sandbox scrolls into view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/03-pods/01-your-first-pod/');
  await page.waitForLoadState('networkidle');
  const before = [...scripts];
  expect(before.some((u) => /sandbox-element|xterm/.test(u))).toBe(false);

  await page.locator('wh-sandbox').scrollIntoViewIfNeeded();
  await expect(page.locator('wh-sandbox')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  expect(scripts.length).toBeGreaterThan(before.length);
});
