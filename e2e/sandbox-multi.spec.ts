import { expect, test } from '@playwright/test';
import { FIXTURE, quietly, ready, run, screen, storedKeys } from './sandbox-helpers.ts';

test.describe('several sandboxes on a page, and chaos', () => {
  test('two sandboxes are independent: cluster, clock, terminal and saved state', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(FIXTURE);
    const first = await ready(page.locator('wh-sandbox[data-sandbox-id="first"]'));
    const second = await ready(page.locator('wh-sandbox[data-sandbox-id="second"]'));
    await run(page, first, 'kubectl run web --image=nginx');
    expect(await quietly(first, 'kubectl get pods -o name')).toBe('pod/web\n');
    expect(await quietly(second, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
    expect(await screen(second)).not.toContain('pod/web');

    await first.getByRole('button', { name: 'Pause the cluster clock' }).click();
    await expect(second.getByRole('button', { name: 'Play at normal speed' })).toHaveAttribute('aria-pressed', 'true');
    const t1 = await first.locator('.sandbox__clock-time').innerText();
    const t2 = await second.locator('.sandbox__clock-time').innerText();
    await page.waitForTimeout(2200);
    expect(await first.locator('.sandbox__clock-time').innerText()).toBe(t1);
    expect(await second.locator('.sandbox__clock-time').innerText()).not.toBe(t2);

    await run(page, second, 'kubectl run db --image=redis');
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('wh-sandbox')) (el as HTMLElement & { sandbox: { save(): void } }).sandbox.save();
    });
    expect(await storedKeys(page)).toEqual(['wheelhouse:sandbox:/dev/two-sandboxes/#first', 'wheelhouse:sandbox:/dev/two-sandboxes/#second']);
    await page.reload();
    const first2 = await ready(page.locator('wh-sandbox[data-sandbox-id="first"]'));
    const second2 = await ready(page.locator('wh-sandbox[data-sandbox-id="second"]'));
    expect(await quietly(first2, 'kubectl get pods -o name')).toBe('pod/web\n');
    expect(await quietly(second2, 'kubectl get pods -o name')).toBe('pod/db\n');
  });

  test('a sandbox starts from its scenario, and Reset returns there', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(FIXTURE);
    const first = await ready(page.locator('wh-sandbox[data-sandbox-id="first"]'));
    const second = await ready(page.locator('wh-sandbox[data-sandbox-id="second"]'));
    expect(await quietly(second, 'cat notes.txt')).toBe('Started from a scenario.\n');
    expect(await quietly(first, 'cat notes.txt')).toBe('cat: notes.txt: No such file or directory\n');
    await run(page, second, 'rm notes.txt');
    await second.getByRole('button', { name: 'Reset', exact: true }).click();
    await second.getByRole('button', { name: 'Reset sandbox' }).click();
    expect(await quietly(second, 'cat notes.txt')).toBe('Started from a scenario.\n');
  });

  test('each sandbox announces itself with wh-sandbox-ready', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { readyIds: string[] }).readyIds = [];
      document.addEventListener('wh-sandbox-ready', (e) => (window as unknown as { readyIds: string[] }).readyIds.push((e as CustomEvent<{ controller: { id: string } }>).detail.controller.id));
    });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(FIXTURE);
    await ready(page.locator('wh-sandbox[data-sandbox-id="second"]'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { readyIds: string[] }).readyIds.sort())).toEqual(['first', 'second']);
  });

  test('chaos deletes a pod as chaos-monkey, and the event panel says so', async ({ page }) => {
    await page.goto(FIXTURE);
    const box = await ready(page.locator('wh-sandbox[data-sandbox-id="first"]'));
    const chaos = box.getByRole('group', { name: 'Chaos' });
    await expect(chaos).toBeVisible();
    await expect(page.locator('wh-sandbox[data-sandbox-id="second"]').getByRole('group', { name: 'Chaos' })).toHaveCount(0);

    await chaos.getByRole('button', { name: 'Delete a pod' }).click();
    await expect(chaos.getByRole('status')).toHaveText('There is no pod to delete: create one first.');
    await run(page, box, 'kubectl run web --image=nginx');
    await expect.poll(() => quietly(box, 'kubectl get pod web --no-headers'), { timeout: 10_000 }).toMatch(/Running/);
    await chaos.getByRole('button', { name: 'Delete a pod' }).click();
    await expect(chaos.getByRole('status')).toHaveText('chaos-monkey deleted pod/web.');

    const toggle = box.getByRole('button', { name: /^Events/ });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const events = box.locator('.sandbox__events-list');
    await expect(events).toContainText('kubectl created pod/web');
    await expect(events).toContainText('chaos-monkey asked to delete pod/web (grace period 30s)');
    await expect(events).toContainText('Stopping container web');
    await expect.poll(() => quietly(box, 'kubectl get pods'), { timeout: 10_000 }).toBe('No resources found in default namespace.\n');
    await expect(events).toContainText(/kubelet\/node-\d removed pod\/web/);

    // Filtering by name.
    await run(page, box, 'kubectl run db --image=redis');
    await box.getByLabel('Filter by name').fill('db');
    await expect(events).toContainText('kubectl created pod/db');
    await expect(events).not.toContainText('pod/web');
  });

  test('chaos stops a node, which goes NotReady, and starts it again', async ({ page }) => {
    await page.goto(FIXTURE);
    const box = await ready(page.locator('wh-sandbox[data-sandbox-id="first"]'));
    const chaos = box.getByRole('group', { name: 'Chaos' });
    const start = chaos.getByRole('button', { name: 'Start nodes' });
    await expect(start).toBeDisabled();
    await chaos.getByRole('button', { name: 'Stop a node' }).click();
    const message = await chaos.getByRole('status').innerText();
    const node = /stopped node (node-\d)/.exec(message)?.[1];
    expect(node).toBeDefined();
    await expect(start).toBeEnabled();
    await box.getByRole('button', { name: /^Events/ }).click();
    await expect(box.locator('.sandbox__events-list')).toContainText(`chaos-monkey stopped node/${node}`);
    // The node controller notices the silence after about 40 s of cluster time.
    await box.getByRole('button', { name: /Fast-forward/ }).click();
    await expect.poll(() => quietly(box, `kubectl get node ${node} --no-headers`), { timeout: 15_000 }).toMatch(/NotReady/);
    await start.click();
    await expect(chaos.getByRole('status')).toHaveText(`chaos-monkey started node ${node} again.`);
    await expect.poll(() => quietly(box, `kubectl get node ${node} --no-headers`), { timeout: 15_000 }).toMatch(/\sReady/);
  });

  test('break an image sets a Deployment to a missing tag, and its new pods fail to pull', async ({ page }) => {
    await page.goto(FIXTURE);
    const box = await ready(page.locator('wh-sandbox[data-sandbox-id="first"]'));
    const chaos = box.getByRole('group', { name: 'Chaos' });
    await chaos.getByRole('button', { name: 'Break an image' }).click();
    await expect(chaos.getByRole('status')).toHaveText('There is no Deployment whose image could break: create one first.');
    await run(page, box, 'kubectl create deployment web --image=nginx:1.27');
    await expect.poll(() => quietly(box, 'kubectl get pods --no-headers'), { timeout: 10_000 }).toMatch(/Running/);
    await chaos.getByRole('button', { name: 'Break an image' }).click();
    await expect(chaos.getByRole('status')).toHaveText('chaos-monkey set deployment/web container nginx to image nginx:does-not-exist.');
    await box.getByRole('button', { name: /^Events/ }).click();
    await expect(box.locator('.sandbox__events-list')).toContainText('chaos-monkey updated deployment/web');
    await expect.poll(() => quietly(box, 'kubectl get pods --no-headers'), { timeout: 15_000 }).toMatch(/ErrImagePull|ImagePullBackOff/);
  });
});
