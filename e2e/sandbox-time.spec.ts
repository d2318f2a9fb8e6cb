import { expect, test } from '@playwright/test';
import { LESSON, quietly, ready, run } from './sandbox-helpers.ts';

const status = async (box: import('@playwright/test').Locator, pod: string) => (await quietly(box, `kubectl get pod ${pod} --no-headers`)).split(/\s+/)[2];
const clock = (box: import('@playwright/test').Locator) => box.locator('.sandbox__clock-time').innerText();

test.describe('sandbox time controls', () => {
  test('pause holds a pod in ContainerCreating; play lets it run; step jumps to the next event', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    const pause = box.getByRole('button', { name: 'Pause the cluster clock' });
    const play = box.getByRole('button', { name: 'Play at normal speed' });
    const fast = box.getByRole('button', { name: /Fast-forward/ });
    const step = box.getByRole('button', { name: 'Step to the next scheduled event' });
    await expect(play).toHaveAttribute('aria-pressed', 'true');

    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await expect(play).toHaveAttribute('aria-pressed', 'false');
    await expect(box.locator('.sandbox__clock-speed')).toHaveText('paused');
    await run(page, box, 'kubectl run web --image=nginx');
    const frozen = await clock(box);
    await page.waitForTimeout(3000);
    expect(await status(box, 'web')).toBe('ContainerCreating');
    expect(await clock(box)).toBe(frozen);

    await play.click();
    await expect(box.locator('.sandbox__clock-speed')).toHaveText('1×');
    await expect.poll(() => status(box, 'web'), { timeout: 10_000 }).toBe('Running');

    // Step: each press fires the next scheduled piece of work, with the clock paused.
    await run(page, box, 'kubectl run db --image=redis');
    await step.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await expect(box.getByRole('status').filter({ hasText: /Jumped .* to \d\d:\d\d:\d\d/ })).toHaveCount(1);
    for (let i = 0; i < 10 && (await status(box, 'db')) !== 'Running'; i++) await step.click();
    expect(await status(box, 'db')).toBe('Running');

    await fast.click();
    await expect(fast).toHaveAttribute('aria-pressed', 'true');
    await expect(box.locator('.sandbox__clock-speed')).toHaveText('10×');
    const before = Date.parse(`1970-01-01T${await clock(box)}Z`);
    await page.waitForTimeout(1500);
    const after = Date.parse(`1970-01-01T${await clock(box)}Z`);
    expect(after - before).toBeGreaterThanOrEqual(10_000);
  });

  test('the paused state survives a reload', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await box.getByRole('button', { name: 'Pause the cluster clock' }).click();
    await page.reload();
    const again = await ready(page.locator('wh-sandbox').first());
    await expect(again.getByRole('button', { name: 'Pause the cluster clock' })).toHaveAttribute('aria-pressed', 'true');
    const t = await clock(again);
    await page.waitForTimeout(1500);
    expect(await clock(again)).toBe(t);
  });
});
