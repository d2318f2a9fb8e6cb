import { describe, it, expect } from 'vitest';
import { START, testShell } from '../testing.ts';
import { lsDate } from './ls.ts';

const files = { 'web.yaml': 'kind: Pod\n', 'README.md': '# hi\n', 'k8s/svc.yaml': 'kind: Service\n', '.hidden': '' };

describe('ls', () => {
  it('prints names on one line separated by two spaces, bytewise sorted, hidden ones skipped', async () => {
    const t = testShell({ files });
    expect((await t.run('ls')).stdout).toBe('README.md  k8s  web.yaml\n');
    expect((await t.run('ls -A')).stdout).toBe('.hidden  .kube  README.md  k8s  web.yaml\n');
    expect((await t.run('ls -a k8s')).stdout).toBe('.  ..  svc.yaml\n');
    expect((await t.run('ls -1 k8s')).stdout).toBe('svc.yaml\n');
    expect((await t.run('ls /tmp')).stdout).toBe('');
  });

  it('lists files before directories, with headers when there are several', async () => {
    const t = testShell({ files });
    expect((await t.run('ls k8s web.yaml /tmp')).stdout).toBe('web.yaml\n\n/tmp:\n\nk8s:\nsvc.yaml\n');
    expect((await t.run('ls -d k8s')).stdout).toBe('k8s\n');
  });

  it('prints a long listing with a total and aligned sizes', async () => {
    const t = testShell({ files });
    expect((await t.run('ls -l')).stdout).toBe(
      [
        'total 12',
        '-rw-r--r-- 1 learner learner    5 Jan 12 09:00 README.md',
        'drwxr-xr-x 2 learner learner 4096 Jan 12 09:00 k8s',
        '-rw-r--r-- 1 learner learner   10 Jan 12 09:00 web.yaml',
        '',
      ].join('\n'),
    );
  });

  it('reports missing operands with status 2 and still lists the rest', async () => {
    const t = testShell({ files });
    expect(await t.run('ls nope web.yaml')).toMatchObject({ stdout: 'web.yaml\n', stderr: "ls: cannot access 'nope': No such file or directory\n", status: 2 });
    expect((await t.run('ls -z')).status).toBe(2);
  });
});

describe('lsDate', () => {
  it('shows the time for recent files and the year for old ones', () => {
    expect(lsDate(START, START)).toBe('Jan 12 09:00');
    expect(lsDate(Date.UTC(2025, 0, 5, 8, 30), START)).toBe('Jan  5  2025');
  });
});
