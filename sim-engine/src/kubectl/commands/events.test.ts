import { describe, expect, it } from 'vitest';
import { kubectlSession } from './testing.ts';

describe('kubectl events', () => {
  it('lists events by time with kubectl events\' own columns', async () => {
    const k = kubectlSession();
    expect((await k.run('kubectl events')).stderr).toBe('No events found in default namespace.\n');
    await k.run('kubectl run web --image=nginx');
    await k.run('sleep 5');
    const out = (await k.run('kubectl events')).stdout.split('\n');
    expect(out[0]).toBe('LAST SEEN   TYPE     REASON      OBJECT    MESSAGE');
    expect(out[1]).toBe('5s          Normal   Scheduled   Pod/web   Successfully assigned default/web to node-2');
    expect(out.at(-2)).toBe('3s          Normal   Started     Pod/web   Started container web');
    expect((await k.run('kubectl events -A --for pod/web')).stdout.split('\n')[0]).toBe('NAMESPACE   LAST SEEN   TYPE     REASON      OBJECT    MESSAGE');
  });

  it('filters by --for and --types and validates them', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx:doesnotexist');
    await k.run('sleep 20');
    const warnings = (await k.run('kubectl events --for=pod/web --types=Warning --no-headers')).stdout.trim().split('\n');
    expect(warnings.every((l) => /^\S+( \(x\d+ over \S+\))?\s+Warning\s+Failed\s+Pod\/web\s/.test(l))).toBe(true);
    expect((await k.run('kubectl events --types=Bogus')).stderr).toBe('error: valid --types are Normal or Warning\n');
    expect((await k.run('kubectl events --for web')).stderr).toBe('error: --for must be in resource/name form\n');
    expect((await k.run('kubectl events --for foo/web')).stderr).toBe('the server doesn\'t have a resource type "foo"\n');
    expect((await k.run('kubectl events -o foo')).stderr).toBe('error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n');
  });

  it('watches: replays existing events, then streams new ones', async () => {
    const k = kubectlSession();
    await k.run('kubectl run web --image=nginx');
    const out = (await k.run('timeout 5 kubectl events -w')).stdout;
    expect(out.split('\n')[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(out).toContain('Started container web\n');
  });
});
