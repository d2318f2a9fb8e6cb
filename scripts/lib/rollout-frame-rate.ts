/**
 * rolloutFrameRate measures the page's frame rate while a 100-replica Deployment rolls to a new
 * image at normal speed: requestAnimationFrame deltas from the change until the rollout is
 * complete, with or without the cluster map on screen. The e2e test and `npm run bench` share it.
 */
import type { Browser } from '@playwright/test';

/** FrameRate is one measurement. */
export interface FrameRate {
  fps: number;
  /** The 95th-percentile frame time, in ms. */
  p95: number;
  seconds: number;
  frames: number;
}

/** rolloutFrameRate opens `lesson` in a fresh context and measures one 100-pod rollout. */
export async function rolloutFrameRate(browser: Browser, baseURL: string, lesson: string, withMap: boolean): Promise<FrameRate> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL });
  try {
    const page = await context.newPage();
    await page.goto(lesson);
    const box = page.locator('wh-sandbox').first();
    await box.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('wh-sandbox')?.getAttribute('data-ready') === 'true', null, { timeout: 30_000 });
    await page.evaluate(() => {
      type Api = { create(o: unknown, actor: string): void };
      const host = document.querySelector('wh-sandbox') as HTMLElement & { sandbox: { session: { cluster: { api: Api; advance(ms: number): void } } } };
      const { cluster } = host.sandbox.session;
      const labels = { app: 'big' };
      cluster.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'big' }, spec: { replicas: 100, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } }, 'bench');
      cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'big' }, spec: { selector: labels, ports: [{ port: 80 }] } }, 'bench');
      cluster.advance(60_000);
    });
    if (withMap) {
      await box.getByRole('tab', { name: 'Cluster map' }).click();
      await page.waitForFunction(() => document.querySelectorAll('wh-sandbox [data-panel="map"] g.map-pod.tone-ok').length === 100, null, { timeout: 30_000 });
    }
    await page.waitForTimeout(1000);
    return await page.evaluate(async () => {
      type Api = { get(k: string, n: string, m: string): { spec: { template: { spec: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>; status: Record<string, number> }; update(o: unknown, a: string): void };
      const host = document.querySelector('wh-sandbox') as HTMLElement & { sandbox: { session: { cluster: { api: Api } } } };
      const api = host.sandbox.session.cluster.api;
      const d = api.get('Deployment', 'default', 'big');
      api.update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ name: 'web', image: 'nginx:1.27' }] } } } }, 'bench');
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
  } finally {
    await context.close();
  }
}

/** describeFrameRate is one line for a report. */
export function describeFrameRate(m: FrameRate): string {
  return `${m.fps.toFixed(1)} fps (p95 frame ${m.p95.toFixed(1)} ms, ${m.frames} frames over ${m.seconds.toFixed(1)} s)`;
}
