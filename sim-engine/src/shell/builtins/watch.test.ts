import { describe, it, expect } from 'vitest';
import { START, testShell } from '../testing.ts';
import { CLEAR_HOME, watchHeader } from './watch.ts';

describe('watchHeader', () => {
  it('puts interval and command left, host and ctime right, on 80 columns', () => {
    const header = watchHeader(2000, 'kubectl get pods', 'wheelhouse', START);
    expect(header).toBe(`Every 2.0s: kubectl get pods${' '.repeat(16)}wheelhouse: Mon Jan 12 09:00:00 2026`);
    expect(header.length).toBe(80);
  });

  it('cuts a long command with ... to keep the time visible', () => {
    const header = watchHeader(500, `kubectl get pods ${'-l app=web '.repeat(5)}`, 'wheelhouse', START);
    expect(header).toBe('Every 0.5s: kubectl get pods -l app=web ... wheelhouse: Mon Jan 12 09:00:00 2026');
    expect(header.length).toBe(80);
  });
});

describe('watch', () => {
  it('repaints every interval until stopped, running the command through the shell', async () => {
    const t = testShell();
    const r = await t.run('timeout 5 watch -n 2 "date +%T | tr : -"; echo $?');
    const round = (time: string, clock: string): string =>
      `${CLEAR_HOME}${watchHeader(2000, 'date +%T | tr : -', 'wheelhouse', START)
        .replace('09:00:00', clock)}\n\n${time}\n`;
    expect(r.stdout).toBe(round('09-00-00', '09:00:00') + round('09-00-02', '09:00:02') + round('09-00-04', '09:00:04') + '124\n');
  });

  it('shows stderr on screen and leaves the header out with -t', async () => {
    const signal = { interrupted: false };
    const t = testShell({
      sleep: async () => {
        signal.interrupted = true;
      },
    });
    expect(await t.run('watch -t cat nope', signal)).toMatchObject({ stdout: `${CLEAR_HOME}cat: nope: No such file or directory\n`, status: 130 });
  });

  it('rejects bad usage', async () => {
    const t = testShell();
    expect((await t.run('watch')).status).toBe(1);
    expect((await t.run('watch -n x ls')).stderr).toBe("watch: failed to parse argument: 'x'\n");
    expect((await t.run('watch -z ls')).stderr).toBe("watch: invalid option -- 'z'\nTry 'watch --help' for more information.\n");
  });
});
