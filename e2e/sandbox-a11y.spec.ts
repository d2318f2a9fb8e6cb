import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FIXTURE, LESSON, ready, run } from './sandbox-helpers.ts';

for (const scheme of ['light', 'dark'] as const) {
  test(`the sandbox chrome passes axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await run(page, box, 'kubectl run web --image=nginx');
    await box.getByRole('button', { name: /^Events/ }).click();
    await box.getByRole('button', { name: 'Reset', exact: true }).click();
    const results = await new AxeBuilder({ page })
      .include('wh-sandbox')
      // xterm.js's own rows are drawn text, checked by the terminal's minimumContrastRatio instead.
      .exclude('.xterm-rows')
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the chaos bar and two sandboxes pass axe', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(FIXTURE);
  await ready(page.locator('wh-sandbox').nth(1));
  const results = await new AxeBuilder({ page }).include('wh-sandbox').exclude('.xterm-rows').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
