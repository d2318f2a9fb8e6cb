/**
 * label, annotate and set image: their messages and errors, compared with the real kubectl's
 * --local mode on the same manifest when kubectl is on PATH (the sandbox runs them against the
 * object applied from that manifest), plus behaviour only a server shows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../session.ts';
import { hasKubectl, runReal, runSandbox, shellQuote } from '../testing/real-kubectl.ts';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
  annotations:
    a: "1"
    b: "2"
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
      - name: side
        image: busybox
`;

const CASES: string[][] = [
  ['label', 'foo=bar'],
  ['label', 'app=x'],
  ['label', 'app=x', '--overwrite'],
  ['label', 'app-'],
  ['label', 'app-', '--overwrite'],
  ['label', 'app=web'],
  ['label', 'a=b=c'],
  ['label', 'a=b', 'a-'],
  ['label', 'a=Web_Server!'],
  ['label', 'app=x', 'x=1', '--dry-run=client'],
  ['label', 'z=1', '--dry-run=client'],
  ['label', 'z=1', '-o', 'name'],
  ['label', 'z=1', '-o', 'foo'],
  ['annotate', 'c=3'],
  ['annotate', 'a=2', 'b=3'],
  ['annotate', 'a=2', 'a-'],
  ['annotate', 'a-'],
  ['annotate', 'kubernetes.io/change-cause=x'],
  ['annotate', 'zz-'],
  ['annotate', 'c=3', '--dry-run=client'],
  ['set', 'image', 'nginx=nginx:1.26'],
  ['set', 'image', 'nginx=nginx:1.25'],
  ['set', 'image', '*=nginx:2'],
  ['set', 'image', 'nginx=a', 'side=b'],
  ['set', 'image', 'nginx=a', 'e=y'],
  ['set', 'image', 'e=y', 'f=z'],
  ['set', 'image', 'nginx=nginx:1.26', '--dry-run=client'],
  ['set', 'image', 'nginx=nginx:1.26', '-o', 'name'],
];

describe.skipIf(!hasKubectl())('label, annotate and set image match the real client', () => {
  const dir = mkdtempSync(join(tmpdir(), 'label-'));
  writeFileSync(join(dir, 'd.yaml'), MANIFEST);
  for (const args of CASES) {
    it(args.join(' '), async () => {
      const verb = args[0] === 'set' ? ['set', 'image'] : [args[0]!];
      const rest = args.slice(verb.length);
      const real = runReal([...verb, '--local', '-f', 'd.yaml', ...rest], { cwd: dir });
      const s = new Session({ files: { 'd.yaml': MANIFEST } });
      await runSandbox(s, 'kubectl apply -f d.yaml');
      const mine = await runSandbox(s, `kubectl ${verb.join(' ')} deployment/web ${rest.map(shellQuote).join(' ')}`);
      // The dispatcher build on these machines capitalises the first "error:"; stock kubectl does not.
      // Go iterates maps in random order, so several keys' errors may come in any order.
      // The list after "declared label(s):" is such a map walk too, so its first entry is split off as well.
      const unordered = (r: typeof real) => ({ ...r, stderr: r.stderr.replace(/^Error: /, 'error: ').replace(/\(s\): /g, '(s):\n').split(/\n|; /).sort().join('\n') });
      expect(unordered({ ...mine, stdout: mine.stdout.replace(/^label "[^"]*" not found\.\n/gm, '') })).toEqual(unordered(real));
    });
  }
});

describe('label and annotate against the server', () => {
  it('says a removed label was not there, then "not labeled"', async () => {
    const s = new Session();
    await runSandbox(s, 'kubectl run p --image=nginx');
    expect((await runSandbox(s, 'kubectl label pod p nope-')).stdout).toBe('label "nope" not found.\npod/p not labeled\n');
  });

  it('lists labels with --list', async () => {
    const s = new Session();
    await runSandbox(s, 'kubectl run p --image=nginx --labels=b=2,a=1');
    expect((await runSandbox(s, 'kubectl label pod p --list')).stdout).toBe('a=1\nb=2\n');
  });

  it('labels everything with --all and reports NotFound per missing object', async () => {
    const s = new Session();
    await runSandbox(s, 'kubectl run p --image=nginx');
    await runSandbox(s, 'kubectl run q --image=nginx');
    expect((await runSandbox(s, 'kubectl label pods --all team=a')).stdout).toBe('pod/p labeled\npod/q labeled\n');
    expect(await runSandbox(s, 'kubectl label pod p team=b nope')).toEqual({ stdout: '', stderr: 'error: all resources must be specified before label changes: nope\n', status: 1 });
    expect(await runSandbox(s, 'kubectl label pod p nope team=b')).toEqual({
      stdout: '',
      stderr: "'team' already has a value (a), and --overwrite is false\nError from server (NotFound): pods \"nope\" not found\n",
      status: 1,
    });
  });

  it('lets the API server reject an invalid label key', async () => {
    const s = new Session();
    await runSandbox(s, 'kubectl run p --image=nginx');
    const r = await runSandbox(s, "kubectl label pod p 'Bad_Key!=x'");
    expect(r.stderr).toMatch(/^The Pod "p" is invalid: metadata.labels: Invalid value: "Bad_Key!"/);
  });
});
