/**
 * The whole course, page by page: every lesson renders, passes axe (no serious or critical
 * violations, light and dark alternating), and its sandbox starts; and in every chapter one
 * exercise is solved by typing its reference solution into the terminal, as a learner would.
 */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ready, run } from './sandbox-helpers.ts';

const CONTENT = 'content';
const LESSONS = readdirSync(CONTENT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(`${CONTENT}/${d.name}`)
      .filter((f) => /^\d\d-[a-z0-9-]+\.mdx$/.test(f))
      .map((f) => `/${d.name}/${f.replace(/\.mdx$/, '')}/`),
  )
  .sort();

/** One exercise per chapter, solved through the UI. */
const SOLVED = [
  '00-introduction/01-what-kubernetes-does/three-replicas',
  '01-principles/01-masters-and-nodes/find-the-database-node',
  '02-installing/03-kubeconfig-and-namespaces/dev-namespace',
  '03-pods/05-multi-container-pods/write-a-multi-container-pod',
  '04-replicasets/04-scaling/scale-declaratively',
  '05-services/02-labels-and-endpoints/fix-the-selector',
  '06-deployments/01-rolling-updates/no-dip-in-capacity',
];

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test.describe('every lesson', () => {
  LESSONS.forEach((path, i) => {
    const scheme = i % 2 === 0 ? 'light' : 'dark';
    test(`${path} renders, passes axe (${scheme}) and starts its sandbox`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).exclude('.xterm-rows').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      const box = page.locator('wh-sandbox').first();
      if ((await box.count()) > 0) await ready(box);
      await page.screenshot({ path: `test-results/course${path.replace(/\/$/, '').replace(/\//g, '_')}.png`, fullPage: false });
      expect(errors).toEqual([]);
    });
  });
});

test.describe('one exercise per chapter, solved by typing its solution', () => {
  for (const id of SOLVED) {
    const lesson = `/${id.split('/').slice(0, 2).join('/')}/`;
    test(id, async ({ page }) => {
      test.skip(!LESSONS.includes(lesson), `${lesson} is not written yet`);
      test.setTimeout(120_000);
      const errors = collectErrors(page);
      await page.goto(lesson);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      const panel = page.locator(`[data-exercise="${id}"]`);
      const data = JSON.parse((await panel.locator('script[data-exercise-data]').textContent()) ?? '{}') as { solution: string; points: number };
      await panel.getByRole('button', { name: 'Start exercise' }).click();
      const box = await ready(page.locator('wh-sandbox').first());
      await expect(panel.locator('[data-status]')).toContainText('Exercise started');
      await box.getByRole('button', { name: /^Fast-forward/ }).click();
      // Line by line, as typed: a heredoc's lines go in at bash's `> ` prompt.
      for (const line of data.solution.replace(/\n+$/, '').split('\n')) await run(page, box, line);
      const celebrate = panel.locator('[data-celebrate]');
      await expect(celebrate).toBeVisible({ timeout: 60_000 });
      await expect(celebrate).toContainText(`${data.points} of ${data.points} points`);
      expect(errors).toEqual([]);
    });
  }
});
