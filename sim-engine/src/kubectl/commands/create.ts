/**
 * kubectl create: objects from `-f` manifests, or from the generators `create deployment`,
 * `create service clusterip|nodeport|loadbalancer|externalname` and `create namespace`.
 */
import type { KubeObject } from '../../api/meta.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { addSourceToErr, reportErrors } from '../check-err.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { commandHelp, type HelpSpec } from '../help.ts';
import { bool, list, str, type FlagSpec } from '../flags.ts';
import { readManifests, splitErrors, validationDirective } from '../manifests.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { modifiedConfiguration } from '../apply/three-way.ts';
import { createObject } from '../writes.ts';
import { buildDeployment, buildNamespace, buildService, type ServiceParams } from './create-generators.ts';
import { dryRunMode } from './dry-run.ts';
import { CREATE_FLAGS, OUTPUT_FLAGS, VALIDATE_FLAG } from './manifest-flags.ts';
import { unsupportedCreateSubcommands } from './create-unsupported.ts';

function oneName(inv: Invocation): string {
  const n = inv.flags.args.length;
  if (n !== 1) throw new UsageError(`exactly one NAME is required, got ${n}`);
  return inv.flags.args[0]!;
}

/** serverCreate creates a generated object in the invocation's namespace, or returns it as is for a client dry run. */
function serverCreate(inv: Invocation, obj: Record<string, unknown>, wrap: (msg: string) => string): KubeObject {
  const mode = dryRunMode(inv);
  if (mode === 'client') return obj as unknown as KubeObject;
  const meta = obj.metadata as Record<string, unknown>;
  const body = { ...obj, metadata: { ...meta, namespace: meta.namespace ?? inv.namespace } };
  try {
    return createObject(inv, body, { dryRun: mode, validate: validationDirective(str(inv.flags, 'validate')), fieldManager: 'kubectl-create' });
  } catch (e) {
    if (e instanceof StatusError) throw new KubectlError(wrap(e.message));
    throw e;
  }
}

function generated(inv: Invocation, build: () => Record<string, unknown>, wrap: (msg: string) => string): number {
  const output = str(inv.flags, 'output');
  checkOutput(output);
  const mode = dryRunMode(inv);
  let obj = build();
  if (bool(inv.flags, 'save-config')) obj = modifiedConfiguration(obj);
  const result = serverCreate(inv, obj, wrap);
  new ResultPrinter(inv, output, mode).print(result, 'created', true);
  return 0;
}

const deploymentCommand: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  summary: 'Create a deployment with the specified name',
  help: {
    description: 'Create a deployment whose pods run the given images.',
    examples: [
      ['Create a deployment running nginx', 'kubectl create deployment web --image=nginx'],
      ['Create a deployment of three replicas exposing port 80', 'kubectl create deployment web --image=nginx --replicas=3 --port=80'],
    ],
    usage: 'create deployment NAME --image=image -- [COMMAND] [args...]',
  },
  flags: [
    ...CREATE_FLAGS,
    { name: 'image', type: 'stringArray', default: '[]', help: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'port', type: 'int', default: '-1', help: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', short: 'r', type: 'int', default: '1', help: 'Number of replicas to create. Default is 1.' },
  ],
  run(inv) {
    const images = list(inv.flags, 'image');
    if (images.length === 0) throw new KubectlError('required flag(s) "image" not set');
    const name = oneName(inv);
    const command = inv.flags.afterDash ?? [];
    if (images.length > 1 && command.length > 0) throw new KubectlError('cannot specify multiple --image options and command');
    const build = () =>
      buildDeployment({
        name,
        images,
        replicas: Number(str(inv.flags, 'replicas', '1')),
        port: Number(str(inv.flags, 'port', '-1')),
        command,
        namespace: inv.namespaceExplicit ? inv.namespace : undefined,
        randomSuffix: () => inv.cluster.random.string(5),
      });
    return generated(inv, build, (m) => `failed to create deployment: ${m}`);
  },
};

/** SERVICE_HELP is the help of each `create service` type. */
const SERVICE_HELP = {
  clusterip: { description: 'Create a service with a virtual IP address reachable only inside the cluster.', examples: [['Create a ClusterIP service for port 80', 'kubectl create service clusterip web --tcp=80:80'], ['Create a headless service', 'kubectl create service clusterip web-headless --clusterip=None --tcp=80:80']], usage: 'create service clusterip NAME [--tcp=<port>:<targetPort>]' },
  nodeport: { description: 'Create a service reachable on a port of every node, as well as inside the cluster.', examples: [['Create a NodePort service on node port 30080', 'kubectl create service nodeport web --tcp=80:80 --node-port=30080']], usage: 'create service nodeport NAME [--tcp=port:targetPort]' },
  loadbalancer: { description: 'Create a service that asks for an external load balancer in front of its node ports.', examples: [['Create a LoadBalancer service for port 80', 'kubectl create service loadbalancer web --tcp=80:80']], usage: 'create service loadbalancer NAME [--tcp=port:targetPort]' },
  externalname: { description: 'Create a service whose cluster DNS name is an alias (a CNAME) for a name outside the cluster.', examples: [['Create a service that aliases example.com', 'kubectl create service externalname shop --external-name=example.com']], usage: 'create service externalname NAME --external-name external.name' },
} satisfies Record<string, HelpSpec>;

function serviceCommand(sub: string, type: ServiceParams['type'], summary: string, extra: FlagSpec[]): Command {
  return {
    name: sub,
    summary,
    help: SERVICE_HELP[sub as keyof typeof SERVICE_HELP],
    flags: [...CREATE_FLAGS, ...extra],
    run(inv) {
      const name = oneName(inv);
      const build = () =>
        buildService({
          name,
          type,
          tcp: list(inv.flags, 'tcp').flatMap((t) => t.split(',')),
          nodePort: Number(str(inv.flags, 'node-port', '0')),
          clusterIP: str(inv.flags, 'clusterip'),
          externalName: str(inv.flags, 'external-name'),
          namespace: inv.namespaceExplicit ? inv.namespace : undefined,
        });
      return generated(inv, build, (m) => `failed to create ${type} service: ${m}`);
    },
  };
}

const TCP: FlagSpec = { name: 'tcp', type: 'stringArray', default: '[]', help: "Port pairs can be specified as '<port>:<targetPort>'." };
const CLUSTER_IP: FlagSpec = { name: 'clusterip', type: 'string', default: "''", help: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." };

const serviceParent: Command = {
  name: 'service',
  aliases: ['svc'],
  summary: 'Create a service using a specified subcommand',
  help: {
    description: 'Create a service of one of the types below, chosen by subcommand.',
    examples: [
      ['Create a ClusterIP service for port 80', 'kubectl create service clusterip web --tcp=80:80'],
    ],
    usage: 'create service [flags]',
  },
  flags: [],
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', 'Create a ClusterIP service', [TCP, CLUSTER_IP]),
    serviceCommand('nodeport', 'NodePort', 'Create a NodePort service', [TCP, { name: 'node-port', type: 'int', default: '0', help: 'Port used to expose the service on each node in a cluster.' }]),
    serviceCommand('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service', [TCP]),
    serviceCommand('externalname', 'ExternalName', 'Create an ExternalName service', [TCP, { name: 'external-name', type: 'string', default: "''", help: 'External name of service' }]),
  ],
  run(inv) {
    if (inv.flags.args.length > 0) throw new UsageError(`unknown command "${inv.flags.args.join(' ')}"`);
    inv.ctx.stdout(commandHelp({ ...serviceParent, name: 'create service' }));
    return 0;
  },
};

const namespaceCommand: Command = {
  name: 'namespace',
  aliases: ['ns'],
  summary: 'Create a namespace with the specified name',
  help: {
    description: 'Create a namespace, a scope for the names of the objects in it.',
    examples: [
      ['Create a namespace', 'kubectl create namespace dev'],
    ],
    usage: 'create namespace NAME [--dry-run=server|client|none]',
  },
  flags: CREATE_FLAGS,
  run(inv) {
    const name = oneName(inv);
    const output = str(inv.flags, 'output');
    checkOutput(output);
    let obj = buildNamespace(name);
    if (bool(inv.flags, 'save-config')) obj = modifiedConfiguration(obj);
    // create namespace returns the server's error unwrapped.
    const result = dryRunMode(inv) === 'client' ? (obj as unknown as KubeObject) : createObject(inv, obj, { dryRun: dryRunMode(inv), validate: validationDirective(str(inv.flags, 'validate')), fieldManager: 'kubectl-create' });
    new ResultPrinter(inv, output, dryRunMode(inv)).print(result, 'created', true);
    return 0;
  },
};

/** createCommand is `kubectl create`. */
export const createCommand: Command = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  help: {
    description: 'Create the objects a manifest file describes, or one object from a subcommand\'s flags. Unlike apply, it fails for an object that already exists.',
    examples: [
      ['Create the objects in a manifest file', 'kubectl create -f web.yaml'],
      ['Create a deployment of three nginx pods', 'kubectl create deployment web --image=nginx --replicas=3'],
      ['Print a deployment\'s manifest without creating it', 'kubectl create deployment web --image=nginx --dry-run=client -o yaml'],
    ],
    usage: 'create -f FILENAME',
  },
  flags: [
    ...OUTPUT_FLAGS,
    VALIDATE_FLAG,
    { name: 'dry-run', type: 'string', default: "'none'", help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' },
    { name: 'edit', type: 'bool', default: 'false', help: 'Edit the API resource before creating' },
    { name: 'field-manager', type: 'string', default: "'kubectl-create'", help: 'Name of the manager used to track field ownership.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files to use to create the resource' },
    { name: 'kustomize', short: 'k', type: 'string', default: "''", help: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'raw', type: 'string', default: "''", help: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'save-config', type: 'bool', default: 'false', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'windows-line-endings', type: 'bool', default: 'false', help: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.' },
  ],
  subcommands: [deploymentCommand, serviceParent, namespaceCommand, ...unsupportedCreateSubcommands()],
  run(inv) {
    if (inv.flags.args.length > 0) throw new UsageError(`Unexpected args: [${inv.flags.args.join(' ')}]`);
    const filenames = list(inv.flags, 'filename');
    if (str(inv.flags, 'kustomize')) throw new KubectlError('kustomize (-k) is not supported in this sandbox');
    if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
    for (const f of ['edit', 'raw'] as const) if (inv.flags.values.has(f) && str(inv.flags, f) !== 'false') throw new KubectlError(`--${f} is not supported in this sandbox`);
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const mode = dryRunMode(inv);
    const validate = validationDirective(str(inv.flags, 'validate'));
    const { entries, error, unread } = readManifests(inv, { filenames, recursive: bool(inv.flags, 'recursive'), validate });
    if (unread) return reportErrors(inv, [error!], 'create');
    const printer = new ResultPrinter(inv, output, mode);
    // Errors of the objects in visit order, then the stream's (unreadable documents) as one aggregate.
    const errors: Error[] = [];
    let count = 0;
    for (const entry of entries) {
      if (!('info' in entry)) {
        if (entry.stage === 'namespace') errors.push(entry.error);
        continue;
      }
      const { info } = entry;
      let obj = info.object as Record<string, unknown>;
      if (bool(inv.flags, 'save-config')) obj = modifiedConfiguration(obj);
      try {
        const result = mode === 'client' ? (obj as unknown as KubeObject) : createObject(inv, obj, { dryRun: mode, validate, fieldManager: str(inv.flags, 'field-manager', 'kubectl-create') });
        count++;
        printer.print(result, 'created');
      } catch (e) {
        errors.push(addSourceToErr('creating', info.source, e as Error));
      }
    }
    const { stream } = splitErrors(entries);
    if (stream) errors.push(stream);
    if (errors.length === 0 && count === 0) throw new KubectlError('no objects passed to create');
    return reportErrors(inv, errors, 'create');
  },
};
