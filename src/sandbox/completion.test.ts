import { Session } from '@wheelhouse/sim-engine';
import { describe, expect, it } from 'vitest';
import { commonPrefix, resolveCompletion, shellCompleter } from './completion.ts';

const req = (line: string, repeated = false, cursor = line.length) => ({ line, cursor, repeated });

describe('resolveCompletion', () => {
  it('rings the bell when there is nothing', () => {
    expect(resolveCompletion(req('kubectl get zz'), { start: 12, candidates: [] })).toBeNull();
  });

  it('inserts a single candidate and a space after it', () => {
    expect(resolveCompletion(req('kubectl get po'), { start: 12, candidates: ['pods'] })).toEqual({ insert: 'pods ', replace: 2 });
  });

  it('adds no space after a directory or a flag that wants its value', () => {
    expect(resolveCompletion(req('cat k'), { start: 4, candidates: ['k8s/'] })).toEqual({ insert: 'k8s/', replace: 1 });
    expect(resolveCompletion(req('kubectl get -o js'), { start: 15, candidates: ['jsonpath='] })).toEqual({ insert: 'jsonpath=', replace: 2 });
  });

  it('inserts the common prefix of several candidates', () => {
    expect(resolveCompletion(req('kubectl get pods w'), { start: 17, candidates: ['web-1', 'web-2'] })).toEqual({ insert: 'web-', replace: 1 });
  });

  it('does nothing on the first Tab without progress, and lists on the second', () => {
    const c = { start: 17, candidates: ['web', 'worker'] };
    expect(resolveCompletion(req('kubectl get pods w'), c)).toEqual({});
    expect(resolveCompletion(req('kubectl get pods w', true), c)).toEqual({ candidates: ['web', 'worker'] });
  });

  it('lists file names without their directory and escapes', () => {
    const c = { start: 4, candidates: ['k8s/my\\ app.yaml', 'k8s/sub/'] };
    expect(resolveCompletion(req('cat k8s/', true), c)).toEqual({ candidates: ['my app.yaml', 'sub/'] });
  });

  it('uses the cursor, not the end of the line', () => {
    expect(resolveCompletion(req('kubectl get po | wc', false, 14), { start: 12, candidates: ['pods'] })).toEqual({ insert: 'pods ', replace: 2 });
  });
});

describe('commonPrefix', () => {
  it('finds the shared start', () => {
    expect(commonPrefix(['deployments', 'deploy'])).toBe('deploy');
    expect(commonPrefix(['a', 'b'])).toBe('');
    expect(commonPrefix([])).toBe('');
  });
});

describe('shellCompleter with a real session', () => {
  it('completes kubectl through the shell', async () => {
    const session = new Session({ startTime: Date.UTC(2026, 0, 12, 9) });
    await session.run('kubectl run web --image=nginx', { stdout: () => {}, stderr: () => {} });
    const complete = shellCompleter((line, cursor) => session.shell.complete(line, cursor));
    expect(await complete(req('kubectl get po'))).toEqual({ insert: 'pods ', replace: 2 });
    expect(await complete(req('kubectl describe pod w'))).toEqual({ insert: 'web ', replace: 1 });
    expect(await complete(req('kubec'))).toEqual({ insert: 'kubectl ', replace: 5 });
  });
});
