import { describe, expect, it } from 'vitest';
import { VirtualFS } from '../shell/vfs.ts';
import { ADMIN_CONF, configuredServer, hostPort, KUBEADM_CONTEXT, kubeconfigPaths, kubeconfigText } from './kubeconfig.ts';

describe('kubeconfig', () => {
  it('reads $KUBECONFIG as a list, else ~/.kube/config', () => {
    expect(kubeconfigPaths({ HOME: '/home/learner' })).toEqual(['/home/learner/.kube/config']);
    expect(kubeconfigPaths({ HOME: '/home/learner', KUBECONFIG: '' })).toEqual(['/home/learner/.kube/config']);
    expect(kubeconfigPaths({ KUBECONFIG: '/a::/b' })).toEqual(['/a', '/b']);
  });

  it('writes admin.conf as kubeadm does and finds its server again', () => {
    const text = kubeconfigText({ ...KUBEADM_CONTEXT, server: 'https://172.18.0.2:6443' });
    expect(text).toMatch(/^apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: \S+\n    server: https:\/\/172\.18\.0\.2:6443\n  name: kubernetes\n/);
    expect(text).toContain('current-context: kubernetes-admin@kubernetes\n');
    const fs = VirtualFS.fromFiles({});
    fs.mkdir('/etc/kubernetes', true);
    fs.write(ADMIN_CONF, text);
    expect(configuredServer(fs, { HOME: '/home/learner', KUBECONFIG: ADMIN_CONF })).toBe('https://172.18.0.2:6443');
    // The default home has an empty ~/.kube/config: no server, so kubectl falls back to localhost:8080.
    expect(configuredServer(fs, { HOME: '/home/learner' })).toBeUndefined();
    expect(configuredServer(fs, { KUBECONFIG: '/missing:' + ADMIN_CONF })).toBe('https://172.18.0.2:6443');
  });

  it('names a server by host and port', () => {
    expect(hostPort('https://192.168.49.2:8443')).toBe('192.168.49.2:8443');
  });
});
