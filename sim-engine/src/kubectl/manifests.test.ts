/**
 * Reading manifests with `-f`: the client-side errors kubectl reports before it talks to a
 * server (missing paths, YAML and JSON syntax, kind/apiVersion, lists at the top level) compared
 * with the real kubectl when it is on PATH, plus the sandbox's own mapping and namespace rules.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../session.ts';
import { hasKubectl, runReal, runSandbox } from './testing/real-kubectl.ts';

const FILES: Record<string, string> = {
  'indent.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: y\n',
  'tabs.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
  'colon.yaml': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n    image:nginx\n',
  'nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n',
  'noapi.yaml': 'kind: Pod\nmetadata:\n  name: x\n',
  'neither.yaml': 'metadata:\n  name: x\n',
  'list.yaml': '- a\n- b\n',
  'scalar.yaml': 'hello\n',
  'badsep.yaml': '--- foo\napiVersion: v1\n',
  'bad.json': '{"apiVersion": "v1", "kind": "Pod",}\n',
  'short.json': '{"apiVersion": "v1"\n',
  'kindnum.yaml': 'apiVersion: v1\nkind: 3\n',
  'apinum.yaml': 'apiVersion: 1\nkind: Pod\n',
  'gv.yaml': 'apiVersion: a/b/c\nkind: Pod\n',
  'labelnum.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    version: 1\n',
  'metaarr.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: [a]\n',
  'namenum.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: 5\n',
  'gen.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  generation: x\n  labels: {a: 1}\n',
  'genfloat.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  generation: 1.5\n',
  'ts.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  creationTimestamp: yesterday\n',
  'tsnum.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  creationTimestamp: 5\n',
  'owner.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  ownerReferences: [{uid: 5}]\n',
  'listmeta.yaml': 'apiVersion: v1\nkind: List\nmetadata: 5\nitems: []\n',
  'apiarr.yaml': 'apiVersion: [v1]\nkind: Pod\nmetadata:\n  name: a\n',
  'bool.yaml': 'true\n',
  'arr.json': '[1]\n',
  'null.yaml': 'null\n',
  'li-mixed.yaml': 'apiVersion: v1\nkind: List\nitems:\n- kind: Namespace\n  metadata:\n    name: a\n- apiVersion: v1\n  metadata:\n    name: b\n- 5\n',
  'li-nokind.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  metadata:\n    name: b\n',
  'li-items.yaml': 'apiVersion: v1\nkind: List\nitems: 5\n',
  'li-partial.yaml': 'apiVersion: v1\nkind: List\nitems:\n- kind: Namespace\n  metadata:\n    name: a\n- apiVersion: v1\n  metadata:\n    name: b\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: c\n',
};

const UNVALIDATED = ['labelnum', 'metaarr', 'namenum', 'gen', 'genfloat', 'ts', 'tsnum', 'owner', 'listmeta', 'apiarr', 'list', 'scalar', 'kindnum', 'apinum', 'nokind'];

// Strict validation of a well-formed object needs the server's OpenAPI, so those only run unvalidated.
const NEEDS_SERVER = new Set(['labelnum', 'metaarr', 'namenum', 'gen', 'genfloat', 'ts', 'tsnum', 'owner', 'li-partial'].map((f) => `${f}.yaml`));
const CASES = [...Object.keys(FILES).filter((f) => !NEEDS_SERVER.has(f)).map((f) => ['apply', '-f', f]), ['apply', '-f', 'missing.yaml'], ['create', '-f', 'indent.yaml'], ['create', '-f', 'nokind.yaml'], ['delete', '-f', 'tabs.yaml'],
  ...UNVALIDATED.map((f) => ['apply', '-f', `${f}.yaml`, '--validate=false']),
  ['apply', '-f', 'bool.yaml', '--validate=false'],
  ['apply', '-f', 'arr.json', '--validate=false'],
  ['apply', '-f', 'null.yaml'],
  ['apply', '-f', 'listmeta.yaml'],
  ['apply', '-f', 'apiarr.yaml'],
  ['apply', '-f', 'noapi.yaml', '--validate=bogus'],
  ['apply', '-f', 'missing.yaml', '-f', 'gone.json'],
  ['create', '-f', 'missing.yaml', '-f', 'indent.yaml', '-f', 'gone.json'],
  ['label', '-f', 'missing.yaml', '-f', 'gone.json', 'a=b'],
  ['apply', '-f', 'indent.yaml', '-f', 'noapi.yaml', '-f', 'nokind.yaml'],
  ['apply', '-f', 'tabs.yaml', '-f', 'scalar.yaml', '--validate=false'],
];

describe.skipIf(!hasKubectl())('manifest errors match the real kubectl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  for (const args of CASES) {
    it(args.join(' '), async () => {
      const real = runReal([...args, '--dry-run=client'].filter((a) => args[0] !== 'delete' || a !== '--dry-run=client'), { cwd: dir });
      const mine = await runSandbox(new Session({ files: FILES }), `kubectl ${args.join(' ')}`);
      expect({ stderr: mine.stderr, status: mine.status }).toEqual({ stderr: real.stderr, status: real.status });
    });
  }
});

// Decoding without a server: the real client's `label --local` reads manifests as apply does; the sandbox answers with apply.
const LOCAL_CASES = [['li-mixed.yaml'], ['li-nokind.yaml'], ['li-items.yaml'], ['li-partial.yaml'], ['li-partial.yaml', 'li-nokind.yaml'], ['labelnum.yaml', 'li-partial.yaml']];

describe.skipIf(!hasKubectl())('list and metadata decoding matches the real kubectl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  for (const files of LOCAL_CASES) {
    it(files.join(' '), async () => {
      const fileArgs = files.flatMap((f) => ['-f', f]);
      const real = runReal(['label', '--local', ...fileArgs, 'a=b', '-o', 'name'], { cwd: dir });
      const mine = await runSandbox(new Session({ files: FILES }), `kubectl apply ${fileArgs.join(' ')} --validate=false --dry-run=client -o name`);
      expect(mine.stderr).toBe(real.stderr);
    });
  }
});

describe('manifests in the sandbox', () => {
  const files = {
    'multi.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: dev\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    'dir/b.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    'dir/a.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    'dir/notes.txt': 'not a manifest',
    'dir/sub/c.json': '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "c"}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}',
    'typo.yaml': 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n',
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n',
  };

  it('applies documents in file order and directories sorted, skipping other files and (without -R) subdirectories', async () => {
    const s = new Session({ files });
    expect((await runSandbox(s, 'kubectl apply -f multi.yaml')).stdout).toBe('namespace/dev created\npod/p created\n');
    expect((await runSandbox(s, 'kubectl apply -f dir')).stdout).toBe('pod/a created\npod/b created\n');
    expect((await runSandbox(s, 'kubectl apply -f dir -R')).stdout).toBe('pod/a unchanged\npod/b unchanged\npod/c created\n');
  });

  it('names unknown kinds as the REST mapper does, and unsimulated kinds honestly', async () => {
    const s = new Session({ files });
    expect((await runSandbox(s, 'kubectl apply -f typo.yaml')).stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "typo.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\n',
    );
    expect((await runSandbox(s, 'kubectl apply -f cm.yaml')).stderr).toBe('error: ConfigMap "cfg" from "cm.yaml": configmaps are not supported in this sandbox\n');
  });

  it('reports several problems one per line, without the error: prefix, after the successes', async () => {
    const s = new Session({ files });
    const r = await runSandbox(s, 'kubectl apply -f typo.yaml -f cm.yaml -f dir/a.yml');
    expect(r.stdout).toBe('pod/a created\n');
    expect(r.stderr).toBe(
      'resource mapping not found for name: "web" namespace: "" from "typo.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\nConfigMap "cfg" from "cm.yaml": configmaps are not supported in this sandbox\n',
    );
  });

  it('reads stdin with -f -', async () => {
    const s = new Session();
    const r = await runSandbox(s, "printf 'apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: x\\n' | kubectl apply -f -");
    expect(r.stdout).toBe('namespace/x created\n');
  });

  it('refuses a manifest namespace that contradicts -n', async () => {
    const s = new Session({ files });
    const r = await runSandbox(s, 'kubectl apply -f multi.yaml -n other');
    expect(r.stderr).toBe(`error: the namespace from the provided object "dev" does not match the namespace "other". You must pass '--namespace=dev' to perform this operation.\n`);
    expect(r.stdout).toBe('namespace/dev created\n');
  });
});
