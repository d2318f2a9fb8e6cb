import { expect, test } from '@playwright/test';
import { inSandbox, openSandbox, showPanel, typeCommand } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

test('the map shows a pod created in the terminal, follows it to Running, and describes it', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'kubectl run web --image=nginx');
  const map = await showPanel(box, 'Cluster map');

  const pod = map.locator('g[data-key^="pod:"][aria-label^="Pod web,"]');
  await expect(pod).toBeVisible();
  await expect(pod).toHaveAttribute('aria-label', /^Pod web, (Pending|ContainerCreating), 0\/1 ready/);
  await expect(pod).toHaveAttribute('aria-label', /^Pod web, Running, 1\/1 ready, on node-\d/, { timeout: 20_000 });
  await expect(pod).toHaveClass(/tone-ok/);
  // The node's box holds the pod.
  const node = /on (node-\d)/.exec((await pod.getAttribute('aria-label')) ?? '')![1]!;
  const nodeBox = await map.locator(`g[data-key="node:${node}"]`).boundingBox();
  const podBox = await pod.boundingBox();
  expect(podBox!.x).toBeGreaterThanOrEqual(nodeBox!.x);
  expect(podBox!.y + podBox!.height).toBeLessThanOrEqual(nodeBox!.y + nodeBox!.height);

  await pod.click();
  const details = map.locator('.wh-map__details');
  await expect(details.getByRole('heading')).toHaveText('pod/web');
  await expect(details.locator('pre')).toContainText('$ kubectl describe pod web -n default');
  await expect(details.locator('pre')).toContainText(/Status:\s+Running/);
  await details.getByRole('tab', { name: 'YAML' }).click();
  await expect(details.locator('pre')).toContainText('apiVersion: v1');
  await expect(details.locator('pre')).toContainText('kind: Pod');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(pod).toBeFocused();
});

test('keyboard: Enter on a focused node opens its describe; the table lists the same objects', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'kubectl run web --image=nginx');
  const map = await showPanel(box, 'Cluster map');
  const node = map.locator('g[data-key="node:node-2"]');
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(map.locator('.wh-map__details pre')).toContainText('$ kubectl describe node node-2');
  await expect(map.locator('.wh-map__details pre')).toContainText(/Name:\s+node-2/);

  await map.getByRole('button', { name: 'Table' }).click();
  const table = map.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /Pod web default/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Node node-2/ })).toBeVisible();
  // The live region speaks changes: the pod going to Running.
  await expect(map.locator('[aria-live="polite"][role="status"]')).toContainText(/pod web is Running on node-\d/, { timeout: 20_000 });
});

test('a stopped node is greyed with its status, and a Service links to its pods', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  const map = await showPanel(box, 'Cluster map');
  await inSandbox(
    box,
    (c) => {
      const api = c.session.cluster.api;
      const labels = { app: 'shop' };
      api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop' }, spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } }, 'e2e');
      api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop' }, spec: { selector: labels, ports: [{ port: 80 }] } }, 'e2e');
      c.session.cluster.advance(30_000);
    },
    null,
  );
  await expect(map.locator('g[data-key^="pod:"]')).toHaveCount(3);
  await expect(map.locator('path.map-link')).toHaveCount(3);
  await expect(map.locator('g.map-rs')).toHaveCount(1);
  await expect(map.locator('g.map-rs')).toHaveAttribute('aria-label', /revision 1, 3 of 3 pods/);
  await expect(map.locator('g.map-deploy')).toHaveAttribute('aria-label', 'Deployment shop, 3 of 3 ready, 3 up to date');

  // Mark node-1 NotReady the way the node lifecycle controller would see a dead kubelet.
  await inSandbox(
    box,
    (c) => {
      const api = c.session.cluster.api as unknown as { get(k: string, n: string, m: string): { status: { conditions: { type: string; status: string }[] } }; updateStatus(o: unknown, a: string): void };
      const node = api.get('Node', '', 'node-1');
      api.updateStatus({ ...node, status: { ...node.status, conditions: node.status.conditions.map((x) => (x.type === 'Ready' ? { ...x, status: 'Unknown' } : x)) } }, 'e2e');
    },
    null,
  );
  const down = map.locator('g[data-key="node:node-1"]');
  await expect(down).toHaveClass(/is-down/);
  await expect(down.locator('.map-node__status')).toHaveText(/Unknown|NotReady/);
});
