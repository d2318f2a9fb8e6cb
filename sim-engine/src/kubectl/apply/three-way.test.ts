/**
 * Client-side apply's patches against kubectl 1.32. testdata/three-way-cases.json holds
 * (live object, manifest) pairs with the patch the real kubectl sent to a fake API server.
 * When kubectl is on PATH, randomly generated cases are compared with it live as well.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cursorForKind, type JSONMap } from './patch-meta.ts';
import { applyStrategicPatch } from './strategic-merge.ts';
import { LAST_APPLIED, lastAppliedOf, modifiedConfiguration, originalConfiguration, threeWayPatch, withApplyAnnotation } from './three-way.ts';
import { startMockApiServer } from './testing/mock-apiserver.ts';

interface Case {
  name: string;
  live: JSONMap;
  manifest: JSONMap;
  patch: JSONMap;
  output: string;
}

const CASES = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata/three-way-cases.json'), 'utf8')) as Case[];

function patchFor(live: JSONMap, manifest: JSONMap): JSONMap {
  return threeWayPatch(originalConfiguration(live), modifiedConfiguration(manifest), live, cursorForKind(String(live.kind)));
}

describe('three-way strategic merge patch, as kubectl 1.32 computes it', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const patch = patchFor(c.live, c.manifest);
      expect(patch).toEqual(c.patch);
      expect(Object.keys(patch).length === 0).toBe(c.output.endsWith('unchanged'));
    });
  }

  it('switching to Recreate drops rollingUpdate ($retainKeys)', () => {
    const c = CASES.find((x) => x.name === 'recreate')!;
    const result = applyStrategicPatch(c.live, patchFor(c.live, c.manifest), cursorForKind('Deployment'));
    expect((result.spec as JSONMap).strategy).toEqual({ type: 'Recreate' });
  });

  it('removing a container from the manifest removes it from the live object', () => {
    const c = CASES.find((x) => x.name === 'remove container')!;
    const result = applyStrategicPatch(c.live, patchFor(c.live, c.manifest), cursorForKind('Deployment')) as { spec: { template: { spec: { containers: { name: string }[] } } } };
    expect(result.spec.template.spec.containers.map((x) => x.name)).toEqual(['a', 'c']);
  });

  it('keeps fields the server added and the manifest never set', () => {
    const c = CASES.find((x) => x.name === 'server defaults kept')!;
    const result = applyStrategicPatch(c.live, patchFor(c.live, c.manifest), cursorForKind('Deployment')) as { spec: { replicas: number; strategy: unknown; template: { spec: { restartPolicy: string } } } };
    expect(result.spec.replicas).toBe(3);
    expect(result.spec.template.spec.restartPolicy).toBe('Always');
    expect(result.spec.strategy).toBeDefined();
  });

  it('reorders containers as the manifest orders them', () => {
    const c = CASES.find((x) => x.name === 'reorder containers')!;
    const result = applyStrategicPatch(c.live, patchFor(c.live, c.manifest), cursorForKind('Deployment')) as { spec: { template: { spec: { containers: { name: string }[] } } } };
    expect(result.spec.template.spec.containers.map((x) => x.name)).toEqual(['c', 'a', 'b']);
  });
});

describe('the last-applied-configuration annotation', () => {
  const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', args: ['<a&b>'] }] } };

  it('is compact, key-sorted, HTML-escaped JSON with an empty annotations map and a trailing newline', () => {
    expect(lastAppliedOf(manifest)).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p","namespace":"default"},"spec":{"containers":[{"args":["\\u003ca\\u0026b\\u003e"],"image":"nginx","name":"c"}]}}\n',
    );
  });

  it('keeps user annotations but never itself', () => {
    const annotated = { ...manifest, metadata: { ...manifest.metadata, annotations: { note: 'x', [LAST_APPLIED]: 'old' } } };
    expect(lastAppliedOf(annotated)).toContain('"annotations":{"note":"x"}');
    expect(((withApplyAnnotation(annotated).metadata as JSONMap).annotations as JSONMap)[LAST_APPLIED]).toBe(lastAppliedOf(annotated));
  });

  it('is written with nulls kept, while the created object drops them', () => {
    const withNull = { ...manifest, spec: { ...manifest.spec, nodeName: null } };
    const created = withApplyAnnotation(withNull);
    expect((created.spec as JSONMap).nodeName).toBeUndefined();
    expect(((created.metadata as JSONMap).annotations as JSONMap)[LAST_APPLIED]).toContain('"nodeName":null');
  });
});

function hasKubectl(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
}

/** randomDeployment builds a small Deployment whose containers, ports, env and labels vary with `r`. */
function randomDeployment(r: () => number): JSONMap {
  const pick = <T,>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const some = <T,>(a: T[]) => a.filter(() => r() < 0.5);
  const containers = some(['a', 'b', 'c', 'd']).map((name) => ({
    name,
    image: pick(['nginx', 'nginx:1.26', 'busybox']),
    ...(r() < 0.5 ? { ports: some([80, 443, 8080]).map((containerPort) => ({ containerPort })) } : {}),
    ...(r() < 0.4 ? { env: some(['A', 'B', 'C']).map((n) => ({ name: n, value: pick(['1', '2']) })) } : {}),
    ...(r() < 0.3 ? { args: some(['x', 'y', 'z']) } : {}),
  }));
  if (r() < 0.5) containers.reverse();
  const labels: Record<string, string> = { app: 'web', ...(r() < 0.5 ? { tier: pick(['fe', 'be']) } : {}) };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels, ...(r() < 0.3 ? { annotations: { note: pick(['x', 'y']) } } : {}) },
    spec: {
      replicas: pick([1, 2, 3]),
      selector: { matchLabels: { app: 'web' } },
      ...(r() < 0.3 ? { strategy: r() < 0.5 ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } : {}),
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: containers.length ? containers : [{ name: 'a', image: 'nginx' }] } },
    },
  };
}

describe.skipIf(!hasKubectl())('differential: random applies against the real kubectl and a fake API server', () => {
  it('sends the same patch', async () => {
    const server = await startMockApiServer();
    const dir = mkdtempSync(join(tmpdir(), 'apply-'));
    let seed = Number(process.env.APPLY_SEED ?? 11);
    const r = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const mismatches: string[] = [];
    try {
      for (let i = 0; i < Number(process.env.APPLY_CASES ?? 25); i++) {
        const previous = randomDeployment(r);
        const live = applyStrategicPatch(previous, {}, cursorForKind('Deployment'));
        if (r() < 0.8) ((live.metadata as JSONMap).annotations = { ...((live.metadata as JSONMap).annotations as JSONMap), [LAST_APPLIED]: lastAppliedOf(previous) });
        (live.spec as JSONMap).progressDeadlineSeconds = 600;
        const manifest = randomDeployment(r);
        server.store.clear();
        server.store.set('deployments/default/web', live);
        server.writes.length = 0;
        writeFileSync(join(dir, 'm.json'), JSON.stringify(manifest));
        await promisify(execFile)('kubectl', ['apply', '-f', join(dir, 'm.json'), `--server=${server.url}`, '--validate=false']).catch(() => undefined);
        const sent = server.writes.find((w) => w.method === 'PATCH');
        const real = sent ? (JSON.parse(sent.body) as JSONMap) : {};
        const mine = patchFor(live, manifest);
        if (JSON.stringify(sortKeys(real)) !== JSON.stringify(sortKeys(mine))) mismatches.push(`${JSON.stringify({ live, manifest })}\n real: ${JSON.stringify(real)}\n mine: ${JSON.stringify(mine)}`);
      }
    } finally {
      await server.close();
    }
    expect(mismatches).toEqual([]);
  }, 60_000);
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as JSONMap)[k])]));
  return v;
}
