import { describe, expect, it } from 'vitest';
import { validateManifest } from '@wheelhouse/sim-engine/manifests';
import { toDiagnostics } from './diagnostics.ts';
import { fieldRange, parseFieldPath } from './field-range.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
  - name: side
    image: busybox
`;

const at = (text: string, r: { from: number; to: number } | undefined) => (r ? text.slice(r.from, r.to) : undefined);

describe('parseFieldPath', () => {
  it('splits dots and indices', () => {
    expect(parseFieldPath('spec.containers[0].image')).toEqual(['spec', 'containers', 0, 'image']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
    expect(parseFieldPath('spec.ports[1].nodePort')).toEqual(['spec', 'ports', 1, 'nodePort']);
  });
});

describe('fieldRange', () => {
  it('finds a scalar value by path', () => {
    expect(at(POD, fieldRange(POD, [0, POD.length], 'spec.containers[1].image'))).toBe('busybox');
    expect(at(POD, fieldRange(POD, [0, POD.length], 'metadata.name'))).toBe('web');
  });

  it('marks the key when asked, and for collections', () => {
    expect(at(POD, fieldRange(POD, [0, POD.length], 'spec.containers[0].image', 'key'))).toBe('image');
    expect(at(POD, fieldRange(POD, [0, POD.length], 'spec.containers'))).toBe('containers');
  });

  it('marks the nearest existing part of a missing field', () => {
    const text = POD.replace('    image: nginx\n', '');
    expect(at(text, fieldRange(text, [0, text.length], 'spec.containers[0].image'))).toBe('name: web');
    expect(at(text, fieldRange(text, [0, text.length], 'spec.replicas'))).toBe('spec');
  });

  it('finds fields in later documents', () => {
    const text = `${POD}---\n${POD.replace('nginx', 'redis')}`;
    const r = fieldRange(text, [POD.length + 4, text.length], 'spec.containers[0].image')!;
    expect(at(text, r)).toBe('redis');
    expect(r.from).toBeGreaterThan(POD.length);
  });

  it('finds list fields named without an index, as encoding/json names them', () => {
    expect(at(POD, fieldRange(POD, [0, POD.length], 'spec.containers.image'))).toBe('nginx');
  });

  it('marks the first line of a document for document-wide problems', () => {
    expect(at(POD, fieldRange(POD, [0, POD.length], undefined))).toBe('apiVersion: v1');
  });
});

describe('toDiagnostics', () => {
  it('underlines the container of a manifest missing its image with kubectl’s message', () => {
    const text = POD.replace('    image: nginx\n', '');
    const [d] = toDiagnostics(text, validateManifest(text));
    expect(text.slice(d!.from, d!.to)).toBe('name: web');
    expect(d!.message).toBe('The Pod "web" is invalid: spec.containers[0].image: Required value');
  });

  it('underlines an unknown field’s key and a YAML syntax error', () => {
    const typo = POD.replace('image: busybox', 'imagee: busybox');
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "3"\n';
    const [t] = toDiagnostics(deployment, validateManifest(deployment));
    expect(deployment.slice(t!.from, t!.to)).toBe('"3"');
    const [d] = toDiagnostics(typo, validateManifest(typo));
    expect(typo.slice(d!.from, d!.to)).toBe('imagee');
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n';
    const [s] = toDiagnostics(bad, validateManifest(bad));
    expect(s!.from).toBe(bad.indexOf('\t'));
  });
});
