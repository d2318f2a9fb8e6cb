import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgramContext } from '../../shell/types.ts';
import { createKubectl } from '../kubectl.ts';
import { kubectlSession, WEB_DEPLOYMENT } from './testing.ts';

// Words that reach deep into the verbs: types, names, flags with good and bad values, junk.
const WORDS = [
  'pods', 'pod', 'po', 'deploy', 'deployments.apps', 'rs', 'ds', 'ds/kube-proxy', 'svc', 'ep', 'endpointslices', 'nodes', 'ns', 'events', 'all', 'foo',
  'web', 'deploy/web', 'svc/web', 'pod/web', 'node-1', 'nope', 'a/b/c', 'pods,svc', 'deploy,rs', '-A', '-o', 'wide', 'yaml', 'json',
  'name', '-o=jsonpath={.items[*].metadata.name}', '-o=custom-columns=N:.metadata.name', '-l', 'app=web', 'app in (a', '!app',
  '--field-selector', 'status.phase=Running', 'foo=bar', 'metadata.name!=web', '--sort-by', '.metadata.name', '{.spec', '-w',
  '--watch-only', '--output-watch-events', '--show-kind', '--show-labels', '--no-headers', '-L', 'app', '--ignore-not-found', '-c',
  'nginx', '-p', '--previous', '-f', '--tail', '2', '-1', 'abc', '--prefix', '--all-containers', '--since', '5s', 'status', 'history',
  'undo', 'pause', 'resume', 'restart', '--revision', '--to-revision', '3', '--timeout', '1s', '--watch=false', '--dry-run=client',
  '--show-events=false', '-n', 'kube-system', 'default', '--', 'ls', '', ' ', '=', '-', '--bogus', 'constructor', '__proto__',
];

const argv = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 8 });

// What kubectl may print on stderr: its error forms, and the notices these verbs give.
const KUBECTL_STYLE =
  /^(?:error: |Error from server( \(\w+\))?: |The \w+ "[^"]*" is invalid: |\* |See 'kubectl [\w -]+ (?:-h|--help)' for |No resources found|Found \d+ pods, using pod\/|Defaulted container |Warning: |the server doesn't have a resource type |POD or TYPE\/NAME is a required|Use "kubectl explain|Example resource|   '|$)/;
const INTERNAL = /TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|is not iterable|\[object Object\]|undefined|NaN/;

describe('get, describe, rollout and logs on random arguments', () => {
  it('always finish and answer in kubectl\'s error form', async () => {
    const { session } = kubectlSession(WEB_DEPLOYMENT);
    const snapshot = session.cluster.snapshot();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('get', 'describe', 'rollout', 'logs'), argv, async (verb, args) => {
        const cluster = (await import('../../cluster.ts')).Cluster.restore(snapshot);
        const kubectl = createKubectl({ cluster, context: { ...session.context }, fs: () => session.shell.fs });
        let stdout = '';
        let stderr = '';
        const start = cluster.now();
        const ctx: ProgramContext = {
          args: [verb, ...args],
          stdin: '',
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          env: {},
          sleep: async (ms) => cluster.advance(ms),
          now: () => cluster.now(),
          // Watches and follows end the way a learner ends them: Ctrl+C after a while.
          signal: { get interrupted() { return cluster.now() - start > 20_000; } },
        };
        const status = await kubectl(ctx);
        expect(typeof status).toBe('number');
        expect(stderr).not.toMatch(INTERNAL);
        for (const line of stderr.split('\n')) expect(line).toMatch(KUBECTL_STYLE);
        if (status !== 0) expect(stderr).not.toBe('');
        void stdout;
      }),
      { numRuns: 200 },
    );
  });
});
