import { describe, expect, it } from 'vitest';
import { validateProbes } from './probe.ts';

const fields = (c: Parameters<typeof validateProbes>[0]) => validateProbes(c, 'spec.containers[0]').map((e) => `${e.field}: ${e.detail}`);

describe('probe validation', () => {
  it('requires liveness and startup successThreshold to be 1', () => {
    expect(fields({ name: 'a', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 }, startupProbe: { tcpSocket: { port: 80 }, successThreshold: 1 } })).toEqual([
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ]);
  });

  it('wants exactly one handler, valid ports and non-negative numbers', () => {
    expect(fields({ name: 'a', readinessProbe: { periodSeconds: -1 } })).toEqual([
      'spec.containers[0].readinessProbe: Required value: must specify a handler type',
      'spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(fields({ name: 'a', readinessProbe: { httpGet: { path: '/', port: 70000 }, tcpSocket: { port: 'Web_1' } } })).toEqual([
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ]);
    expect(fields({ name: 'a', readinessProbe: { tcpSocket: { port: 'Web_1' } } })).toEqual([
      'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "Web_1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
  });
});
