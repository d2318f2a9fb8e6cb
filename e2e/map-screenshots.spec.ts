import { expect, test } from '@playwright/test';
import { inSandbox, openSandbox, showPanel } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

// Pictures of the cluster map for people to look at (e2e/screenshots/map-*.png): a Deployment in
// the middle of a rolling update, a Service, a pod that cannot pull its image; then the details
// pane. Light and dark, wide and narrow.
for (const scheme of ['light', 'dark'] as const) {
  for (const [label, width, height] of [
    ['wide', 1440, 900],
    ['narrow', 390, 844],
  ] as const) {
    test(`map screenshot, ${scheme}, ${label}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await page.goto(LESSON);
      const box = await openSandbox(page);
      await inSandbox(
        box,
        (c) => {
          const api = c.session.cluster.api;
          const labels = { app: 'web' };
          api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 6, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } }, 'e2e');
          api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: labels, ports: [{ port: 80 }] } }, 'e2e');
          api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'broken' }, spec: { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] } }, 'e2e');
          c.session.cluster.advance(40_000);
          const d = api.get('Deployment', 'default', 'web');
          const template = d.spec.template as { spec: Record<string, unknown> };
          api.update({ ...d, spec: { ...d.spec, template: { ...template, spec: { ...template.spec, containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, 'e2e');
          c.session.cluster.advance(0);
          c.setSpeed?.(0);
        },
        null,
      );
      const map = await showPanel(box, 'Cluster map');
      await expect(map.locator('g.map-rs')).toHaveCount(2);
      await page.waitForTimeout(600);
      await box.screenshot({ path: `e2e/screenshots/map-${scheme}-${label}.png` });
      await map.locator('g[data-key^="pod:"]').first().click();
      await expect(map.locator('.wh-map__details pre')).toContainText('Name:');
      await box.screenshot({ path: `e2e/screenshots/map-details-${scheme}-${label}.png` });
    });
  }
}
