import { describe, expect, it } from 'vitest';
import { contextNamed, KubeconfigLoadError, parseKubeconfig, toV1 } from './kubeconfig-file.ts';
import { requestContext } from './request-context.ts';

const TEXT = `apiVersion: v1
kind: Config
clusters:
- name: zc
  cluster: {server: 'https://172.18.0.2:6443', certificate-authority-data: QUJD}
contexts:
- name: z
  context: {cluster: zc, user: u, namespace: dev}
- name: a
  context: {cluster: missing, user: u}
current-context: z
users:
- name: u
  user: {token: secret, client-key-data: QUJD}
`;

describe('kubeconfig files', () => {
  it('reads contexts with their cluster’s server; an empty file is an empty config', () => {
    const doc = parseKubeconfig(TEXT, '/k');
    expect(contextNamed(doc, 'z')).toEqual({ name: 'z', cluster: 'zc', user: 'u', namespace: 'dev', server: 'https://172.18.0.2:6443' });
    expect(contextNamed(doc, 'a')).toEqual({ name: 'a', cluster: 'missing', user: 'u', namespace: 'default' });
    expect(parseKubeconfig('', '/k').contexts.size).toBe(0);
  });

  it('prints as kubectl config view: sorted by name, data omitted and secrets redacted unless raw', () => {
    const v1 = toV1(parseKubeconfig(TEXT, '/k'), false);
    expect((v1.contexts as { name: string }[]).map((c) => c.name)).toEqual(['a', 'z']);
    expect(v1.users).toEqual([{ name: 'u', user: { 'client-key-data': 'DATA+OMITTED', token: 'REDACTED' } }]);
    expect(toV1(parseKubeconfig(TEXT, '/k'), true).users).toEqual([{ name: 'u', user: { 'client-key-data': 'QUJD', token: 'secret' } }]);
    expect(toV1(parseKubeconfig('', '/k'), false)).toMatchObject({ clusters: null, users: null, contexts: null, 'current-context': '' });
  });

  // Real kubectl 1.32's messages for a kubeconfig it cannot decode.
  it('fails to load as kubectl does', () => {
    expect(() => parseKubeconfig('clusters: 5\n', '/k')).toThrow(new KubeconfigLoadError('error loading config file "/k": json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster'));
    expect(() => parseKubeconfig('foo\n', '/k')).toThrow(/couldn't get version\/kind; json parse error: json: cannot unmarshal string into Go value/);
  });

  it('resolves the context a request uses, or kubectl’s error', () => {
    const file = { path: '/k', doc: parseKubeconfig(TEXT, '/k') };
    expect(requestContext(file, '', 'https://172.18.0.2:6443')).toMatchObject({ context: { name: 'z', namespace: 'dev' } });
    expect(requestContext(file, 'nope', 'https://172.18.0.2:6443')).toEqual({ error: 'Error in configuration: context was not found for specified context: nope\n' });
    expect(requestContext(file, 'a', 'https://172.18.0.2:6443')).toEqual({ error: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n' });
    expect(requestContext(file, '', 'https://192.168.49.2:8443')).toEqual({ error: 'The connection to the server 172.18.0.2:6443 was refused - did you specify the right host or port?\n' });
  });
});
