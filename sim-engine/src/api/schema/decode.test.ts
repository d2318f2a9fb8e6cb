/** Strict decoding as the API server does it: Go's json type errors, custom decoders, unknown fields. */
import { describe, expect, it } from 'vitest';
import { parseQuantityError, QUANTITY_FORMAT, strictDecode } from './decode.ts';
import { goTypeName, parseType } from './types.ts';
import { schemaForKind, structSchema } from './index.ts';

const deployment = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...meta },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...spec },
});

describe('strictDecode', () => {
  it('accepts a well-formed object', () => {
    expect(strictDecode(deployment({ replicas: 3 }), 'Deployment')).toEqual({ unknown: [] });
  });

  it('lists unknown fields with their paths, in key order', () => {
    const obj = deployment({ foo: 1, template: { metadata: {}, spec: { containers: [{ name: 'c', imagee: 'x', ports: [{ containerPort: 80, protocl: 'TCP' }] }] } } });
    expect(strictDecode(obj, 'Deployment').unknown).toEqual([
      'unknown field "spec.foo"',
      'unknown field "spec.template.spec.containers[0].imagee"',
      'unknown field "spec.template.spec.containers[0].ports[0].protocl"',
    ]);
  });

  it('reports the first type error the way encoding/json words it', () => {
    expect(strictDecode(deployment({ replicas: '3' }), 'Deployment').error).toBe('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(strictDecode(deployment({ replicas: 1.5 }), 'Deployment').error).toBe('json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(strictDecode(deployment({}, { labels: { version: 1 } }), 'Deployment').error).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    const ports = deployment({ template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] } } });
    expect(strictDecode(ports, 'Deployment').error).toBe('json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32');
    const containers = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: { name: 'c' } } };
    expect(strictDecode(containers, 'Pod').error).toBe('json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container');
  });

  it('runs IntOrString, Quantity and Time decoders', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: true }] } };
    expect(strictDecode(svc, 'Service').error).toBe('json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32');
    const pod = (limits: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { limits } }] } });
    expect(strictDecode(pod({ memory: '128mb' }), 'Pod').error).toBe(QUANTITY_FORMAT);
    expect(strictDecode(pod({ memory: '100mi' }), 'Pod').error).toBe("unable to parse quantity's suffix");
    expect(strictDecode(pod({ memory: '128Mi', cpu: 0.5 }), 'Pod')).toEqual({ unknown: [] });
  });

  it('has nothing to say about kinds without a schema', () => {
    expect(strictDecode({ anything: 1 }, 'Endpoints')).toEqual({ unknown: [] });
  });
});

describe('quantities', () => {
  it('parses what resource.ParseQuantity parses', () => {
    for (const q of ['0', '1', '100m', '0.5', '1.5Gi', '128Mi', '1e3', '2E-2', '+1k', '.5']) expect(parseQuantityError(q)).toBeUndefined();
    for (const q of ['', 'abc', '1 Gi', '1GiB']) expect(parseQuantityError(q)).toBe(QUANTITY_FORMAT);
    expect(parseQuantityError('1mi')).toBe("unable to parse quantity's suffix");
  });
});

describe('schema data', () => {
  it('keeps Go struct order and names Go types', () => {
    expect(structSchema('Deployment').fields.map((f) => f.name)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(goTypeName(parseType('[]Container'))).toBe('[]v1.Container');
    expect(goTypeName(parseType('map[string]string'))).toBe('map[string]string');
    expect(structSchema('PodSpec').byName.get('containers')!.patch).toEqual({ strategy: 'merge', key: 'name' });
    expect(structSchema('DeploymentSpec').byName.get('strategy')!.patch).toEqual({ strategy: 'retainKeys' });
    expect(schemaForKind('ConfigMap')).toBeUndefined();
  });

  it('refers only to registered structs', () => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const f of structSchema(name).fields) {
        let t = f.type;
        while (t.kind === 'list' || t.kind === 'map') t = t.elem;
        if (t.kind === 'struct') visit(t.name);
      }
    };
    for (const kind of ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'Namespace', 'Node']) visit(kind);
    expect(seen.size).toBeGreaterThan(60);
  });
});
