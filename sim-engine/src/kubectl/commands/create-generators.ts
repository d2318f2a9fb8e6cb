/**
 * The objects `kubectl create deployment|service|namespace` build, field for field as kubectl
 * 1.32's generators do (including the zero values a typed object always prints:
 * `creationTimestamp: null`, `resources: {}`, `strategy: {}`, `status: {}`).
 */
import { KubectlError } from '../errors.ts';

/** DeploymentParams are `kubectl create deployment`'s inputs. */
export interface DeploymentParams {
  name: string;
  images: string[];
  replicas: number;
  port: number;
  command: string[];
  namespace?: string;
  randomSuffix: () => string;
}

/** containerName derives a container name from an image: last path element, without tag or digest, DNS-1123-safe. */
export function containerName(image: string, randomSuffix: () => string): string {
  let name = image.split('/').pop()!;
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replaceAll('_', '-').replaceAll('.', '-')}-${randomSuffix()}`;
  return name;
}

/** buildDeployment is createDeployment(). */
export function buildDeployment(p: DeploymentParams): Record<string, unknown> {
  const labels = { app: p.name };
  const containers = p.images.map((image, i) => ({
    name: containerName(image, p.randomSuffix),
    image,
    ...(p.command.length ? { command: p.command } : {}),
    ...(i === 0 && p.port >= 0 ? { ports: [{ containerPort: p.port }] } : {}),
    resources: {},
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null, labels },
    spec: {
      replicas: p.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/** ServiceParams are `kubectl create service <type>`'s inputs. */
export interface ServiceParams {
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  tcp: string[];
  nodePort: number;
  clusterIP: string;
  externalName: string;
  namespace?: string;
}

/** parseTcp is create_service's parsePorts: `port[:targetPort]`, the target a number or a port name. */
function parseTcp(spec: string): { port: number; targetPort: number | string } {
  const [portText, target] = spec.split(':');
  if (!/^\d+$/.test(portText!)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: invalid syntax`);
  const port = Number(portText);
  if (port > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: value out of range`);
  if (target === undefined) return { port, targetPort: port };
  if (/^[+-]?\d+$/.test(target)) {
    const n = Number(target);
    if (n < 1 || n > 65535) throw new KubectlError('must be between 1 and 65535, inclusive');
    return { port, targetPort: n };
  }
  const errs: string[] = [];
  if (target.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(target)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(target)) errs.push('must contain at least one letter (a-z)');
  if (target.includes('--')) errs.push('must not contain consecutive hyphens (-)');
  if (target.startsWith('-') || target.endsWith('-')) errs.push('must not begin or end with a hyphen (-)');
  if (errs.length) throw new KubectlError(errs.join(','));
  return { port, targetPort: target };
}

/** buildService is createService(), after ServiceOptions.Validate(). */
export function buildService(p: ServiceParams): Record<string, unknown> {
  if (p.clusterIP === 'None' && p.type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
  if (p.clusterIP !== 'None' && p.tcp.length === 0 && p.type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
  // cobra's required-flag check, which real kubectl 1.32 reports as a klog line (E… run.go:72] "command failed" err=…).
  if (p.type === 'ExternalName' && p.externalName === '') throw new KubectlError('required flag(s) "external-name" not set');
  if (p.type === 'ExternalName' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(p.externalName)) {
    throw new KubectlError(`invalid service external name ${p.externalName}`);
  }
  const ports = p.tcp.map((spec) => {
    const { port, targetPort } = parseTcp(spec);
    return { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort, ...(p.nodePort ? { nodePort: p.nodePort } : {}) };
  });
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null, labels: { app: p.name } },
    spec: {
      ...(ports.length ? { ports } : {}),
      selector: { app: p.name },
      ...(p.clusterIP ? { clusterIP: p.clusterIP } : {}),
      type: p.type,
      ...(p.externalName ? { externalName: p.externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
}

/** buildNamespace is createNamespace(). */
export function buildNamespace(name: string): Record<string, unknown> {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} };
}
