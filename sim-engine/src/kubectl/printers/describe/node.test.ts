import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../../api/endpoints.ts';
import type { Node } from '../../../api/node.ts';
import type { Pod } from '../../../api/pod.ts';
import type { Service } from '../../../api/service.ts';
import { Cluster } from '../../../cluster.ts';
import { describeNode } from './node.ts';
import { addQuantity, formatQuantity, parseQuantity } from './quantity.ts';
import { describeEndpoints, describeService, formatEndpointSlices } from './service.ts';

const NOW = Date.UTC(2025, 0, 6, 10, 5, 12);

describe('quantities', () => {
  it('parse, add and print in canonical form', () => {
    const q = (s: string) => parseQuantity(s)!;
    expect(formatQuantity(addQuantity(q('250m'), q('750m')))).toBe('1');
    expect(formatQuantity(addQuantity(q('100m'), q('1')))).toBe('1100m');
    expect(formatQuantity(addQuantity(q('1Gi'), q('512Mi')))).toBe('1536Mi');
    expect(formatQuantity(q('2000'))).toBe('2k');
    expect(formatQuantity(q('0.5'))).toBe('500m');
    expect(formatQuantity(q('16331012Ki'))).toBe('16331012Ki');
    expect(formatQuantity(q('100'))).toBe('100');
    expect(parseQuantity('abc')).toBeUndefined();
  });
});

const RESOURCES = { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16331012Ki', pods: '110' };
const beat = '2025-01-06T10:03:40Z';
const cond = (type: 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'Ready', status: 'True' | 'False', reason: string, message: string, since = '2025-01-03T08:00:00Z') => ({ type, status, reason, message, lastHeartbeatTime: beat, lastTransitionTime: since });

describe('describe node', () => {
  it('matches the reference layout: conditions, capacity, system info, pods and allocations', () => {
    const c = new Cluster({ startTime: Date.UTC(2025, 0, 3, 8, 0, 0) });
    for (const ns of ['default', 'kube-system']) c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, 'test');
    const node = c.api.create<Node>(
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: 'kind-worker',
          labels: { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'kind-worker', 'kubernetes.io/os': 'linux' },
          annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
        },
        spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/kind-worker' },
        status: {
          conditions: [
            cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
            cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
            cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
            cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', '2025-01-03T08:00:21Z'),
          ],
          addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kind-worker' }],
          capacity: RESOURCES,
          allocatable: RESOURCES,
          nodeInfo: { machineID: '2f0e6c1a9b8d4e7f8a6b5c4d3e2f1a0b', systemUUID: '7d3b2a1c-5e4f-4a6b-9c8d-0e1f2a3b4c5d', bootID: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', kernelVersion: '6.8.0-51-generic', osImage: 'Debian GNU/Linux 12 (bookworm)', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://2.0.2', kubeletVersion: 'v1.32.2', kubeProxyVersion: 'v1.32.2' },
        },
      },
      'test',
    );
    const pod = (ns: string, name: string, created: number, resources?: Record<string, string>) =>
      c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, creationTimestamp: new Date(created).toISOString().replace('.000', '') }, spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'x', ...(resources ? { resources: { requests: resources, limits: resources } } : {}) }] } }, 'test');
    const pods = [pod('default', 'web-7c5ddbdf54-4lq7m', NOW - 300_000), pod('kube-system', 'kindnet-8xq2v', Date.UTC(2025, 0, 3, 8, 0, 0), { cpu: '100m', memory: '50Mi' }), pod('kube-system', 'kube-proxy-5mhtn', Date.UTC(2025, 0, 3, 8, 0, 0))];
    const out = describeNode(node, pods, [], NOW, { holder: 'kind-worker', renewTime: NOW });
    expect(out).toBe(`Name:               kind-worker
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=kind-worker
                    kubernetes.io/os=linux
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Fri, 03 Jan 2025 08:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  kind-worker
  AcquireTime:     <unset>
  RenewTime:       Mon, 06 Jan 2025 10:05:12 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Mon, 06 Jan 2025 10:03:40 +0000   Fri, 03 Jan 2025 08:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Mon, 06 Jan 2025 10:03:40 +0000   Fri, 03 Jan 2025 08:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Mon, 06 Jan 2025 10:03:40 +0000   Fri, 03 Jan 2025 08:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Mon, 06 Jan 2025 10:03:40 +0000   Fri, 03 Jan 2025 08:00:21 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    kind-worker
Capacity:
  cpu:                8
  ephemeral-storage:  102626232Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16331012Ki
  pods:               110
Allocatable:
  cpu:                8
  ephemeral-storage:  102626232Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16331012Ki
  pods:               110
System Info:
  Machine ID:                 2f0e6c1a9b8d4e7f8a6b5c4d3e2f1a0b
  System UUID:                7d3b2a1c-5e4f-4a6b-9c8d-0e1f2a3b4c5d
  Boot ID:                    0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
  Kernel Version:             6.8.0-51-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.0.2
  Kubelet Version:            v1.32.2
  Kube-Proxy Version:         v1.32.2
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kind/kind-worker
Non-terminated Pods:          (3 in total)
  Namespace                   Name                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                    ------------  ----------  ---------------  -------------  ---
  default                     web-7c5ddbdf54-4lq7m    0 (0%)        0 (0%)      0 (0%)           0 (0%)         5m
  kube-system                 kindnet-8xq2v           100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      3d2h
  kube-system                 kube-proxy-5mhtn        0 (0%)        0 (0%)      0 (0%)           0 (0%)         3d2h
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (1%)  100m (1%)
  memory             50Mi (0%)  50Mi (0%)
  ephemeral-storage  0 (0%)     0 (0%)
  hugepages-1Gi      0 (0%)     0 (0%)
  hugepages-2Mi      0 (0%)     0 (0%)
Events:              <none>
`);
  });

  it('lists taints sorted by effect then key, and a cordoned node as unschedulable', () => {
    const c = new Cluster({ startTime: NOW });
    const node = c.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { unschedulable: true, taints: [{ key: 'z', effect: 'NoExecute' }, { key: 'a', value: 'v', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } }, 'test');
    const out = describeNode(node, [], undefined, NOW);
    expect(out).toContain('Unschedulable:      true\nLease:              Failed to get lease: leases.coordination.k8s.io "n" not found\n');
    expect(out).toContain('Taints:             z:NoExecute\n                    a=v:NoSchedule\n                    node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n');
    expect(out).not.toContain('Events');
  });
});

const slice = (endpoints: { ip: string; ready?: boolean }[], ports = [{ name: '', port: 80, protocol: 'TCP' }]): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  ports,
  endpoints: endpoints.map((e) => ({ addresses: [e.ip], conditions: e.ready === undefined ? {} : { ready: e.ready } })),
});

describe('describe service', () => {
  it('lists ready endpoints of the port, empty for a slice with none ready and <none> without slices', () => {
    expect(formatEndpointSlices([], '')).toBe('<none>');
    expect(formatEndpointSlices([slice([{ ip: '10.244.1.2', ready: false }])], '')).toBe('');
    expect(formatEndpointSlices([slice([{ ip: '10.244.1.2' }, { ip: '10.244.2.2', ready: true }])], '')).toBe('10.244.1.2:80,10.244.2.2:80');
    expect(formatEndpointSlices([slice(['1', '2', '3', '4', '5'].map((n) => ({ ip: `10.0.0.${n}`, ready: true })))], '')).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
    // A not-ready endpoint after the third still raises "more", with nothing more counted.
    expect(formatEndpointSlices([slice(['1', '2', '3'].map((n) => ({ ip: `10.0.0.${n}`, ready: true })).concat([{ ip: '10.0.0.4', ready: false }]))], '')).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 0 more...');
    expect(formatEndpointSlices([slice([{ ip: '10.244.1.2' }], [{ name: 'http', port: 80, protocol: 'TCP' }])], '')).toBe('');
  });

  it('matches the reference layout of a NodePort service', () => {
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: { type: 'NodePort', selector: { app: 'web' }, ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], clusterIP: '10.96.142.27', clusterIPs: ['10.96.142.27'], ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 31467 }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
    };
    const slices = [slice([{ ip: '10.244.1.2', ready: true }, { ip: '10.244.2.2', ready: true }, { ip: '10.244.1.3', ready: true }])];
    expect(describeService(svc, slices, [], NOW)).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.142.27
IPs:                      10.96.142.27
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  31467/TCP
Endpoints:                10.244.1.2:80,10.244.2.2:80,10.244.1.3:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it('describes endpoints subset by subset', () => {
    expect(
      describeEndpoints({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], ports: [{ port: 80, protocol: 'TCP' }] }] }, [], NOW),
    ).toBe('Name:         web\nNamespace:    default\nLabels:       app=web\nAnnotations:  <none>\nSubsets:\n  Addresses:          10.244.1.2,10.244.2.2\n  NotReadyAddresses:  <none>\n  Ports:\n    Name     Port  Protocol\n    ----     ----  --------\n    <unset>  80    TCP\n\nEvents:  <none>\n');
  });
});
