import { expect, test } from '@playwright/test';
import { describeFrameRate, rolloutFrameRate, type FrameRate } from '../scripts/lib/rollout-frame-rate.ts';

const LESSON = '/03-pods/01-your-first-pod/';

// Tracing records the page while it runs, which costs frames; a measurement runs without it.
test.use({ trace: 'off' });

test('the map holds 50 fps during a 100-pod rolling update (or costs little when the cluster itself cannot)', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // Frame rates on a shared 2-core machine are noisy: each condition keeps the better of two runs.
  const best = (a: FrameRate, b: FrameRate) => (a.fps >= b.fps ? a : b);
  const measure = (withMap: boolean) => rolloutFrameRate(browser, baseURL!, LESSON, withMap);
  const baseline = best(await measure(false), await measure(false));
  const map = best(await measure(true), await measure(true));
  console.log(`100-pod rolling update at 1x — terminal only: ${describeFrameRate(baseline)}; cluster map shown: ${describeFrameRate(map)}`);
  // The engine's own work during the rollout can hold the page below 50 fps on a slow or busy
  // machine; the map must then cost at most a fifth of what is left.
  expect(map.fps).toBeGreaterThanOrEqual(Math.min(50, baseline.fps * 0.8));
});
