import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { validateManifest, yamlDocuments } from './validate-manifest.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

describe('validateManifest', () => {
  it('accepts a valid pod', () => {
    expect(validateManifest(POD)).toEqual([]);
  });

  it('reports a missing image with the API server field path', () => {
    const text = POD.replace('    image: nginx\n', '');
    expect(validateManifest(text)).toEqual([
      { document: 0, span: [0, text.length], field: 'spec.containers[0].image', mark: 'value', message: 'The Pod "web" is invalid: spec.containers[0].image: Required value' },
    ]);
  });

  it('reports unknown fields as strict decoding errors, one per field', () => {
    const text = POD.replace('image: nginx', 'imagee: nginx').replace('spec:\n', 'spec:\n  replica: 2\n');
    const diags = validateManifest(text, { file: 'web.yaml' });
    expect(diags.map((d) => d.field).sort()).toEqual(['spec.containers[0].imagee', 'spec.replica']);
    const imagee = diags.find((d) => d.field === 'spec.containers[0].imagee')!;
    expect(imagee.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"');
    expect(imagee.mark).toBe('key');
  });

  it('reports a wrong type as encoding/json does', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`;
    expect(validateManifest(text)).toEqual([
      {
        document: 0,
        span: [0, text.length],
        field: 'spec.replicas',
        mark: 'value',
        message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      },
    ]);
  });

  it('knows fields the simulator does not model', () => {
    const text = POD.replace('spec:\n', 'spec:\n  securityContext:\n    runAsUser: 1000\n  affinity:\n    nodeAffinity: {}\n');
    expect(validateManifest(text)).toEqual([]);
  });

  it('reports missing apiVersion and kind as kubectl validation does', () => {
    expect(validateManifest('metadata:\n  name: x\n', { file: 'x.yaml' })[0]!.message).toBe(
      'error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(validateManifest('- a\n- b\n', { file: 'list.yaml' })[0]!.message).toContain('invalid object to validate');
  });

  it('reports an unknown kind', () => {
    const d = validateManifest(POD.replace('kind: Pod', 'kind: Pood'), { file: 'x.yaml' });
    expect(d[0]).toMatchObject({ field: 'kind' });
    expect(d[0]!.message).toBe('resource mapping not found for name: "web" namespace: "" from "x.yaml": no matches for kind "Pood" in version "v1"\nensure CRDs are installed first');
  });

  it('reports YAML syntax errors with a source range and go-yaml wording', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n';
    const [d] = validateManifest(text, { file: 'bad.yaml' });
    expect(d!.message).toBe('error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token');
    expect(d!.range![0]).toBe(text.indexOf('\t'));
  });

  it('checks each document of a multi-document file', () => {
    const text = `${POD}---\n${POD.replace('name: web\nspec', 'name: Web\nspec')}`;
    const d = validateManifest(text);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ document: 1, field: 'metadata.name', span: [POD.length + 4, text.length] });
  });

  it('reports a missing name as apply does', () => {
    expect(validateManifest(POD.replace('  name: web\n', '  labels: {}\n'))[0]!.message).toBe('resource name may not be empty');
  });

  it('checks the namespace against a cluster without changing it', () => {
    const cluster = defaultCluster({ seed: 3 });
    const before = JSON.stringify(cluster.snapshot());
    const d = validateManifest(POD.replace('  name: web\n', '  name: web\n  namespace: nope\n'), { cluster });
    expect(d[0]).toMatchObject({ field: 'metadata.namespace', message: 'namespaces "nope" not found' });
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n';
    expect(validateManifest(svc, { cluster })[0]!.field).toBe('spec.ports[0].nodePort');
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
  });

  it('ignores empty documents', () => {
    expect(validateManifest('')).toEqual([]);
    expect(validateManifest('---\n# just a comment\n')).toEqual([]);
  });

  it('splits documents as kubectl’s reader does, keeping their offsets', () => {
    expect(yamlDocuments('a: 1\n---\nb: 2\n')).toEqual([
      { start: 0, end: 5 },
      { start: 9, end: 14 },
    ]);
    expect(yamlDocuments('---\n---\na: 1')).toEqual([{ start: 8, end: 12 }]);
    expect(yamlDocuments('a: 1\n--- x\n')).toEqual([{ start: 5, end: 11, separatorError: 'invalid Yaml document separator: x' }]);
  });

  it('reads JSON manifests too', () => {
    expect(validateManifest('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "web"}]}}')[0]!.message).toBe(
      'The Pod "web" is invalid: spec.containers[0].image: Required value',
    );
  });
});
