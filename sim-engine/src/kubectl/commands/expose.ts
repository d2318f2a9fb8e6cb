/**
 * kubectl expose: a Service for a deployment, replica set, pod or service, taking the selector,
 * ports, protocols and labels from the object unless flags say otherwise (kubectl 1.32's
 * createService: one port has no name, several are port-1, port-2, ...).
 */
import type { KubeObject } from '../../api/meta.ts';
import type { PodSpec } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import { reportErrors } from '../check-err.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { modifiedConfiguration } from '../apply/three-way.ts';
import { createObject } from '../writes.ts';
import { dryRunMode } from './dry-run.ts';
import { EXPOSE_FLAGS } from './expose-flags.ts';
import { selectObjects } from './select-objects.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController']);

function podSpec(obj: KubeObject): PodSpec | undefined {
  const o = obj as KubeObject & { spec: { template?: { spec: PodSpec } } & PodSpec };
  return obj.kind === 'Pod' ? o.spec : o.spec.template?.spec;
}

function labelString(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
}

/** selectorFor is MapBasedSelectorForObject. */
function selectorFor(obj: KubeObject): string {
  if (obj.kind === 'Pod') {
    if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
    return labelString(obj.metadata.labels);
  }
  if (obj.kind === 'Service') {
    const sel = (obj as Service).spec.selector;
    if (!sel) throw new Error('the service has no pod selector set');
    return labelString(sel);
  }
  const sel = (obj as KubeObject & { spec: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } } }).spec.selector;
  const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
  if (!sel?.matchLabels || Object.keys(sel.matchLabels).length === 0) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
  if (sel.matchExpressions?.length) {
    const exprs = sel.matchExpressions.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`).join(' ');
    throw new Error(`couldn't convert expressions - "[${exprs}]" to map-based selector format`);
  }
  return labelString(sel.matchLabels);
}

/** portsAndProtocols are PortsForObject and MultiProtocolsForObject. */
function portsAndProtocols(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    ports.push(String(port));
    protocols.set(String(port), [...(protocols.get(String(port)) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') for (const p of (obj as Service).spec.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpec(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return { ports, protocols };
}

function parseLabelSpec(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${part}`);
    if (kv[0]!.length === 0) throw new Error('unexpected empty label key');
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

function buildService(inv: Invocation, obj: KubeObject): Record<string, unknown> {
  const f = (n: string) => str(inv.flags, n);
  const name = f('name') || (obj.metadata.name ?? '').slice(0, 63);
  let selector = f('selector');
  if (!selector) {
    try {
      selector = selectorFor(obj);
    } catch (e) {
      throw new Error(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  const headless = f('cluster-ip') === 'None';
  const found = portsAndProtocols(obj);
  let portList = f('port') ? [f('port')] : found.ports;
  if (!f('port') && found.ports.length === 0 && !headless) throw new Error("couldn't find port via --port flag or introspection");
  if (!f('port') && found.ports.length > 1) portList = found.ports;
  const labelsText = f('labels') || labelString(obj.metadata.labels);
  const ports: Record<string, unknown>[] = [];
  portList.forEach((text, i) => {
    if (!/^[+-]?\d+$/.test(text)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
    const port = Number(text);
    const portName = portList.length > 1 ? `port-${i + 1}` : '';
    let protocol = f('protocol');
    if (!protocol && found.protocols.size === 0) protocol = 'TCP';
    else if (!protocol) {
      protocol = 'TCP';
      const known = found.protocols.get(text);
      if (known?.length === 1) protocol = known[0]!;
      else if (known && known.length > 1) {
        for (const p of known) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port });
        return;
      }
    }
    ports.push({ ...(portName ? { name: portName } : {}), protocol, port });
  });
  const target = f('target-port');
  for (const p of ports) p.targetPort = target ? (/^[+-]?\d+$/.test(target) ? Number(target) : target) : p.port;
  const spec: Record<string, unknown> = { ports, selector: parseLabelSpec(selector) };
  if (f('external-ip')) spec.externalIPs = [f('external-ip')];
  if (f('type')) spec.type = f('type');
  if (spec.type === 'LoadBalancer' && f('load-balancer-ip')) spec.loadBalancerIP = f('load-balancer-ip');
  if (f('session-affinity')) {
    if (!['None', 'ClientIP'].includes(f('session-affinity'))) throw new Error(`unknown session affinity: ${f('session-affinity')}`);
    spec.sessionAffinity = f('session-affinity');
  }
  if (f('cluster-ip')) spec.clusterIP = f('cluster-ip');
  const labels = labelsText ? parseLabelSpec(labelsText) : undefined;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null, ...(labels ? { labels } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}

/** exposeCommand is `kubectl expose`. */
export const exposeCommand: Command = {
  name: 'expose',
  summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  help: {
    description: 'Create a service that selects the pods of a deployment, replica set, pod or service, with their labels as its selector.',
    examples: [
      ['Expose a deployment\'s port 80 inside the cluster', 'kubectl expose deployment web --port=80'],
      ['Expose it on a port of every node', 'kubectl expose deployment web --name=web-np --port=80 --type=NodePort'],
      ['Expose a pod', 'kubectl expose pod web --port=80 --name=web-pod'],
    ],
    usage: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  },
  flags: EXPOSE_FLAGS,
  run(inv) {
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const mode = dryRunMode(inv);
    if (str(inv.flags, 'overrides')) throw new KubectlError('--overrides is not supported in this sandbox');
    const filenames = list(inv.flags, 'filename');
    if (inv.flags.args.length === 0 && filenames.length === 0) throw new KubectlError(NO_RESOURCES);
    const selection = selectObjects(inv, inv.flags.args, { filenames, recursive: bool(inv.flags, 'recursive') });
    const errors: Error[] = [];
    const printer = new ResultPrinter(inv, output, mode);
    for (const { obj, error } of selection.visited) {
      if (error) {
        errors.push(error);
        continue;
      }
      try {
        if (!EXPOSABLE.has(obj.kind)) {
          const group = obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : '';
          throw new Error(`cannot expose a ${obj.kind}${group}`);
        }
        let svc = buildService(inv, obj);
        if (mode === 'client') {
          if (inv.namespaceExplicit) svc.metadata = { ...(svc.metadata as object), namespace: inv.namespace };
          printer.print(svc as unknown as KubeObject, 'exposed', true);
          continue;
        }
        if (bool(inv.flags, 'save-config')) svc = modifiedConfiguration(svc);
        const body = { ...svc, metadata: { ...(svc.metadata as object), namespace: inv.namespace } };
        const created = createObject(inv, body, { dryRun: mode, validate: 'strict', fieldManager: str(inv.flags, 'field-manager', 'kubectl-expose') });
        printer.print(created, 'exposed', true);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (selection.late) errors.push(selection.late);
    return reportErrors(inv, errors, 'expose');
  },
};
