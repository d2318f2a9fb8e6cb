import { describe, expect, it } from 'vitest';
import { explain, wordWrap } from './explain.ts';
import { kubectlSession } from './testing.ts';

describe('wordWrap', () => {
  it('breaks at spaces within the limit and never splits a word', () => {
    expect(wordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wordWrap('a https://example.com/very/long/url b', 10)).toBe('a\nhttps://example.com/very/long/url\nb');
    expect(wordWrap('one\n\ntwo', 80)).toBe('one\n\ntwo');
  });
});

describe('kubectl explain', () => {
  it('lays out a kind as kubectl 1.32 does', () => {
    const { head, body } = explain('Deployment', 'apps', 'v1', [], false);
    expect(head).toBe('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n');
    expect(body).toMatch(/^DESCRIPTION:\n {4}A Deployment keeps .*\n(?: {4}.*\n)* {4}\nFIELDS:\n {2}apiVersion\t<string>\n {4}The versioned/);
    expect(body.endsWith('\n\n\n')).toBe(true);
  });

  it('explains a field with its type, enum and the type it refers to', () => {
    const { body } = explain('Pod', '', 'v1', ['spec', 'restartPolicy'], false);
    expect(body).toMatch(/^FIELD: restartPolicy <string>\nENUM:\n {4}Always\n {4}Never\n {4}OnFailure\n\nDESCRIPTION:\n/);
    const containers = explain('Pod', '', 'v1', ['spec', 'containers'], false).body;
    expect(containers).toMatch(/^FIELD: containers <\[\]Container>\n\n\nDESCRIPTION:\n(?: {4}.*\n)+ {4}A single application container running within a pod\.\n {4}\nFIELDS:\n/);
    expect(containers).toContain('\n  name\t<string> -required-\n');
    expect(containers).toContain('\n  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n');
  });

  it('lists the whole tree with --recursive, indented by depth', () => {
    const { body } = explain('Deployment', 'apps', 'v1', ['spec', 'strategy'], true);
    expect(body).toContain('FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: Recreate, RollingUpdate\n\n');
  });

  it('answers errors as kubectl does', async () => {
    const k = kubectlSession();
    expect((await k.run('kubectl explain pods.spec.nope')).output).toBe('KIND:       Pod\nVERSION:    v1\n\nerror: field "nope" does not exist\n');
    expect((await k.run('kubectl explain nope')).stderr).toBe('the server doesn\'t have a resource type "nope"\n');
    expect((await k.run('kubectl explain')).stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect((await k.run('kubectl explain pods svc')).stderr).toBe('error: We accept only this format: explain RESOURCE\n');
    expect((await k.run('kubectl explain deploy --api-version=apps/v1')).status).toBe(0);
  });
});
