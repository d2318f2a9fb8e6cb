import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../api/pod.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { StatusError } from '../errors.ts';
import { validatePodSpec } from './pod.ts';

const fields = (spec: PodSpec) => validatePodSpec(spec, 'spec').map((e) => `${e.field}: ${e.detail}`);

describe('init container validation', () => {
  it('keeps names unique across containers and init containers', () => {
    expect(fields({ containers: [{ name: 'web', image: 'nginx' }], initContainers: [{ name: 'web', image: 'busybox' }] })).toEqual([
      'spec.initContainers[0].name: Duplicate value: "web"',
    ]);
    expect(fields({ containers: [{ name: 'web', image: 'nginx' }], initContainers: [{ name: 'a', image: 'busybox' }, { name: 'a', image: 'busybox' }] })).toEqual([
      'spec.initContainers[1].name: Duplicate value: "a"',
    ]);
  });

  it('checks init containers like containers: name, image, ports, env', () => {
    expect(
      fields({
        containers: [{ name: 'web', image: 'nginx' }],
        initContainers: [{ name: 'Bad_Name', image: '' }, { name: '', image: 'busybox', ports: [{ containerPort: 0 }], env: [{ name: '' }] }],
      }),
    ).toEqual([
      expect.stringMatching(/^spec\.initContainers\[0\]\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label/),
      'spec.initContainers[0].image: Required value',
      'spec.initContainers[1].name: Required value',
      'spec.initContainers[1].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.initContainers[1].env[0].name: Required value',
    ]);
  });

  it('forbids probes on init containers, and says sidecars are not supported', () => {
    expect(
      fields({
        containers: [{ name: 'web', image: 'nginx' }],
        initContainers: [
          { name: 'a', image: 'busybox', readinessProbe: { tcpSocket: { port: 80 } } },
          { name: 'b', image: 'busybox', restartPolicy: 'Never' } as PodSpec['containers'][number],
          { name: 'c', image: 'busybox', restartPolicy: 'Always' } as PodSpec['containers'][number],
        ],
      }),
    ).toEqual([
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[1].restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.initContainers[2].restartPolicy: Forbidden: sidecar containers (restartPolicy: Always) are not supported in this sandbox',
    ]);
  });

  it('is what the API server answers', () => {
    const cluster = defaultCluster({ seed: 1 });
    let err: unknown;
    try {
      cluster.api.create(
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }], initContainers: [{ name: 'web', image: 'busybox' }] } },
        'test',
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).message).toBe('Pod "web" is invalid: spec.initContainers[0].name: Duplicate value: "web"');
  });
});
