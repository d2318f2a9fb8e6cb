/**
 * kubectl cluster-info: the control plane's address and every kube-system service labelled
 * kubernetes.io/cluster-service=true, coloured as kubectl colours them (go-colortext writes
 * the escape codes even when the output is not a terminal).
 */
import type { Service } from '../../api/service.ts';
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { CLUSTER_SERVER } from './kubeconfig.ts';

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

function line(name: string, link: string): string {
  return `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`;
}

/** clusterInfoCommand is `kubectl cluster-info`. */
export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  help: {
    description: 'Print the address of the control plane and of the cluster\'s add-on services.',
    examples: [
      ['Print the control plane\'s address', 'kubectl cluster-info'],
    ],
    usage: 'cluster-info [flags]',
  },
  flags: [],
  subcommands: [
    {
      name: 'dump',
      summary: 'Dump relevant information for debugging and diagnosis',
      flags: [
        { name: 'all-namespaces', short: 'A', type: 'bool', default: 'false', help: 'If true, dump all namespaces.  If true, --namespaces is ignored.' },
        { name: 'output-directory', type: 'string', default: "''", help: 'Where to output the files.  If empty or \'-\' uses stdout, otherwise creates a directory hierarchy in that directory' },
      ],
      run() {
        throw new KubectlError('kubectl cluster-info dump is not supported in this sandbox: look at the cluster with kubectl get, describe, logs and events instead');
      },
    },
  ],
  run(inv) {
    const ns = inv.namespaceExplicit ? inv.namespace : 'kube-system';
    const server = inv.kubeContext.server ?? CLUSTER_SERVER;
    let out = line('Kubernetes control plane', server);
    const services = inv.cluster.api.list<Service>('Service', ns).filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
    for (const svc of services) {
      let name = svc.metadata.name!;
      const port = svc.spec.ports?.[0];
      if (port) {
        const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
        // utilnet.JoinSchemeNamePort
        if (scheme) name = `${scheme}:${name}:${port.name ?? ''}`;
        else if (port.name) name = `${name}:${port.name}`;
      }
      const link = `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
      out += line(svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name!, link);
    }
    inv.ctx.stdout(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  },
};
