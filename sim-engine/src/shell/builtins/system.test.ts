import { describe, it, expect } from 'vitest';
import { START, testShell } from '../testing.ts';
import { DATE_FORMAT, strftime } from './system.ts';

describe('date', () => {
  it('prints cluster time in UTC like GNU date', async () => {
    const t = testShell();
    expect((await t.run('date')).stdout).toBe('Mon Jan 12 09:00:00 UTC 2026\n');
    await t.run('sleep 65');
    expect((await t.run('date -u')).stdout).toBe('Mon Jan 12 09:01:05 UTC 2026\n');
    expect((await t.run('date +%s')).stdout).toBe(`${START / 1000 + 65}\n`);
    expect((await t.run("date '+%F %T'")).stdout).toBe('2026-01-12 09:01:05\n');
    expect(await t.run('date tomorrow')).toMatchObject({ stderr: "date: invalid date 'tomorrow'\n", status: 1 });
  });
});

describe('strftime', () => {
  it('pads %e with a space and knows the common conversions', () => {
    expect(strftime(DATE_FORMAT, Date.UTC(2026, 1, 5, 7, 8, 9))).toBe('Thu Feb  5 07:08:09 UTC 2026');
    expect(strftime('%Y-%m-%dT%H:%M:%SZ %j %%', Date.UTC(2026, 1, 5, 7, 8, 9))).toBe('2026-02-05T07:08:09Z 036 %');
  });
});

describe('hostname and whoami', () => {
  it('name the sandbox and the learner', async () => {
    expect((await testShell().run('hostname; whoami')).stdout).toBe('wheelhouse\nlearner\n');
    expect((await testShell({ hostname: 'lab-1' }).run('hostname')).stdout).toBe('lab-1\n');
  });
});
