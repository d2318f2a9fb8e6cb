import { describe, expect, it } from 'vitest';
import { applyJsonPatch, decodeJsonPatch, JsonPatchError } from './json-patch.ts';

interface Doc {
  metadata: { name: string; labels: Record<string, string> };
  spec: { replicas?: number; count?: number; containers: { name: string }[] };
}
const doc = (): Doc => ({ metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 1, containers: [{ name: 'a' }, { name: 'b' }] } });
const run = (ops: unknown) => applyJsonPatch(doc() as unknown as Record<string, unknown>, decodeJsonPatch(JSON.stringify(ops), undefined)) as unknown as Doc;
const fails = (ops: unknown) => {
  try {
    run(ops);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('applyJsonPatch', () => {
  it('adds, replaces and removes by path, ~1 standing for a slash', () => {
    const out = run([
      { op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'x' },
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'remove', path: '/metadata/labels/app' },
    ]);
    expect(out.metadata).toEqual({ name: 'web', labels: { 'app.kubernetes.io/name': 'x' } });
    expect(out.spec.replicas).toBe(3);
  });

  it('inserts into lists at an index or at the end with -', () => {
    const out = run([
      { op: 'add', path: '/spec/containers/1', value: { name: 'mid' } },
      { op: 'add', path: '/spec/containers/-', value: { name: 'end' } },
    ]);
    expect(out.spec.containers.map((c) => c.name)).toEqual(['a', 'mid', 'b', 'end']);
  });

  it('moves and copies values', () => {
    const out = run([
      { op: 'copy', from: '/metadata/name', path: '/metadata/labels/name' },
      { op: 'move', from: '/spec/replicas', path: '/spec/count' },
    ]);
    expect(out.metadata.labels).toEqual({ app: 'web', name: 'web' });
    expect(out.spec).toEqual({ count: 1, containers: [{ name: 'a' }, { name: 'b' }] });
  });

  it('leaves the input untouched', () => {
    const d = doc();
    applyJsonPatch(d as unknown as Record<string, unknown>, [{ op: 'remove', path: '/spec' }]);
    expect(d.spec.replicas).toBe(1);
  });

  // Messages as kubectl 1.32 prints them for `kubectl patch --local --type=json`.
  it('fails with the library messages', () => {
    expect(fails([{ op: 'remove', path: '/spec/foo' }])).toBe("error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value");
    expect(fails([{ op: 'add', path: '/spec/foo/bar', value: 1 }])).toBe('add operation does not apply: doc is missing path: "/spec/foo/bar": missing value');
    expect(fails([{ op: 'replace', path: '/spec/foo/bar', value: 1 }])).toBe('replace operation does not apply: doc is missing path: /spec/foo/bar: missing value');
    expect(fails([{ op: 'add', path: '/spec/containers/5', value: {} }])).toBe("error in add for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced");
    expect(fails([{ op: 'remove', path: '/spec/containers/3' }])).toBe("error in remove for path: '/spec/containers/3': Unable to access invalid index: 3: invalid index referenced");
    expect(fails([{ op: 'add', path: '/spec/containers/x', value: 1 }])).toBe(`error in add for path: '/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`);
    expect(fails([{ op: 'move', from: '/spec/foo', path: '/spec/x' }])).toBe("error in move for path: 'foo': Unable to remove nonexistent key: foo: missing value");
    expect(fails([{ op: 'add', value: 1 }])).toBe('add operation failed to decode path: missing value');
    expect(fails([{ path: '/a' }])).toBe('Unexpected kind: unknown');
    expect(fails([{ op: 'test', path: '/spec/nope/x', value: 1 }])).toBe('test operation does not apply: is missing path: /spec/nope/x: missing value');
  });

  it('marks a failed test', () => {
    expect(run([{ op: 'test', path: '/spec/replicas', value: 1 }]).spec.replicas).toBe(1);
    try {
      run([{ op: 'test', path: '/spec/replicas', value: 2 }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonPatchError);
      expect((e as JsonPatchError).message).toBe('testing value /spec/replicas failed: test failed');
      expect((e as JsonPatchError).testFailed).toBe(true);
    }
  });
});

describe('decodeJsonPatch', () => {
  it('wants a list of operation objects', () => {
    expect(() => decodeJsonPatch('{"op":"add"}', undefined)).toThrow('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect(() => decodeJsonPatch('"x"', undefined)).toThrow('json: cannot unmarshal string into Go value of type jsonpatch.Patch');
    expect(() => decodeJsonPatch('[1]', undefined)).toThrow('json: cannot unmarshal number into Go value of type jsonpatch.Operation');
  });
});
