import { expect, test } from '@playwright/test';
import { openSandbox, showPanel, typeCommand } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

// Pictures of the editor for people to look at (e2e/screenshots/editor-*.png): a manifest with
// a missing image, underlined, its message in the tooltip. Light and dark, wide and narrow.
for (const scheme of ['light', 'dark'] as const) {
  for (const [label, width, height] of [
    ['wide', 1440, 900],
    ['narrow', 390, 844],
  ] as const) {
    test(`editor screenshot, ${scheme}, ${label}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.goto(LESSON);
      const box = await openSandbox(page);
      await typeCommand(page, box, String.raw`printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 80\n' > web.yaml`);
      await typeCommand(page, box, 'echo "# notes" > notes.txt');
      const editor = await showPanel(box, 'Editor');
      await editor.getByRole('button', { name: 'web.yaml', exact: true }).click();
      const underline = editor.locator('.cm-lintRange-error');
      await expect(underline).toHaveText('name: web');
      await underline.hover();
      await expect(page.locator('.cm-tooltip-lint')).toBeVisible();
      await box.screenshot({ path: `e2e/screenshots/editor-${scheme}-${label}.png` });
    });
  }
}
