import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../api/apps.ts';
import type { EndpointSlice, Endpoints } from '../../../api/endpoints.ts';
import { tableWriter } from '../tabwriter.ts';
import { endpointSliceTable, endpointsTable, formatEndpoints, listWithMore } from './endpoints.ts';
import { renderTable } from './render.ts';
import type { TableDef } from './table.ts';
import { deploymentTable, replicaSetTable } from './workloads.ts';

const NOW = Date.UTC(2026, 0, 12, 9, 5, 0);
const created = '2026-01-12T09:00:00Z';

function table(def: TableDef, objects: object[], wide = false): string {
  const w = tableWriter();
  renderTable(w, def, objects as never[], NOW, { wide });
  return w.flush();
}

const deployment = (status: Deployment['status']): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: created },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] } },
  },
  status,
});

describe('deployment and replicaset tables', () => {
  it('prints READY as ready/desired and zeroes for missing status', () => {
    expect(table(deploymentTable as TableDef, [deployment({ readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 }), { ...deployment(undefined), metadata: { name: 'new', creationTimestamp: created } }])).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/3     3            2           5m\nnew    0/3     0            0           5m\n',
    );
  });

  it('adds containers, images and the selector with -o wide', () => {
    const d = deployment({ readyReplicas: 3 });
    d.spec.selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] };
    expect(table(deploymentTable as TableDef, [d], true)).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR\n' +
        'web    3/3     0            0           5m    nginx,log    nginx:1.25,busybox   app=web,tier in (be,fe)\n',
    );
  });

  it('prints DESIRED, CURRENT and READY of a replicaset, and its full selector wide', () => {
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-7c5ddbdf54', namespace: 'default', creationTimestamp: created },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      status: { replicas: 0 },
    };
    expect(table(replicaSetTable as TableDef, [rs], true)).toBe(
      'NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
        'web-7c5ddbdf54   0         0         0       5m    nginx        nginx:1.25   app=web,pod-template-hash=7c5ddbdf54\n',
    );
  });
});

describe('endpoints tables', () => {
  const ep = (subsets: Endpoints['subsets']): Endpoints => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', creationTimestamp: created }, subsets });

  it('lists ready ip:port pairs, at most three, then counts the rest', () => {
    const addresses = ['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.3.2'].map((ip) => ({ ip }));
    expect(formatEndpoints(ep([{ addresses, ports: [{ port: 80 }] }]))).toBe('10.244.1.2:80,10.244.1.3:80,10.244.2.2:80 + 1 more...');
    expect(formatEndpoints(ep([{ addresses: addresses.slice(0, 2), ports: [{ port: 80 }, { port: 443 }] }]))).toBe('10.244.1.2:80,10.244.1.3:80,10.244.1.2:443 + 1 more...');
  });

  it('says <none> without subsets but nothing when only not-ready addresses exist', () => {
    expect(formatEndpoints(ep(undefined))).toBe('<none>');
    expect(formatEndpoints(ep([{ notReadyAddresses: [{ ip: '10.244.1.2' }], ports: [{ port: 80 }] }]))).toBe('');
    expect(formatEndpoints(ep([{ addresses: [{ ip: '10.244.1.2' }] }]))).toBe('10.244.1.2');
    expect(table(endpointsTable as TableDef, [ep(undefined)])).toBe('NAME   ENDPOINTS   AGE\nweb    <none>      5m\n');
  });

  it('prints slices with <unset> for empty lists and * for portless ports', () => {
    expect(listWithMore([])).toBe('<unset>');
    expect(listWithMore(['a', 'b', 'c', 'd', 'e'])).toBe('a,b,c + 2 more...');
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-b7kqd', creationTimestamp: created },
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }, { name: 'metrics', protocol: 'TCP' }, {}],
      endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: false } }],
    };
    expect(table(endpointSliceTable as TableDef, [slice, { ...slice, metadata: { name: 'empty', creationTimestamp: created }, ports: [], endpoints: [] }])).toBe(
      'NAME        ADDRESSTYPE   PORTS          ENDPOINTS    AGE\nweb-b7kqd   IPv4          80,metrics,*   10.244.1.2   5m\nempty       IPv4          <unset>        <unset>      5m\n',
    );
  });
});
