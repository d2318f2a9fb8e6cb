import { describe, expect, it } from 'vitest';
import { run } from '../machines/testing.ts';
import { parseScenario, startSession } from './scenario.ts';

describe('startSession with cluster: none', () => {
  const bare = 'cluster: none\nnodes:\n  - { name: control-plane, role: control-plane }\n  - { name: node-1 }\n  - { name: node-2 }\n';

  it('starts from bare machines: no API objects, no kubeconfig, the learner on the workstation', async () => {
    const session = startSession(parseScenario(bare), { seed: 1 });
    expect(session.cluster.api.list('Namespace')).toEqual([]);
    expect(session.cluster.nodes()).toEqual([]);
    expect(session.machines?.list().map((m) => `${m.name} ${m.internalIP}`)).toEqual(['control-plane 172.18.0.2', 'node-1 172.18.0.3', 'node-2 172.18.0.4']);
    expect(await run(session, 'kubectl get nodes')).toEqual({ output: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n', status: 1 });
    expect((await run(session, 'hostname')).output).toBe('wheelhouse\n');
    expect((await run(session, 'ls -a ~')).output).not.toContain('.kube');
  });

  it('refuses objects, which would need an API server', () => {
    expect(() => startSession(parseScenario(`${bare}objects:\n  - { apiVersion: v1, kind: Namespace, metadata: { name: x } }\n`), { file: 'bare.yaml' })).toThrow(
      'bare.yaml: objects: expected none when cluster is "none" (there is no API server until the learner builds one)',
    );
  });

  it('keeps the ready cluster as the default', async () => {
    const session = startSession(parseScenario(''), { seed: 1 });
    expect(session.machines).toBeUndefined();
    expect((await run(session, 'kubectl get nodes -o name')).output).toBe('node/control-plane\nnode/node-1\nnode/node-2\nnode/node-3\n');
    expect((await run(session, 'ssh node-1')).output).toBe('bash: ssh: command not found\n');
  });
});
