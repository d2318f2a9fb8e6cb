/**
 * Which context a request uses, and what kubectl prints when the kubeconfig cannot take it to
 * the simulated cluster: `--context`, else the current context; a context that does not exist
 * is a configuration error, one without a cluster falls back to localhost:8080, and a server
 * other than the cluster's refuses the connection. Every context whose cluster names the
 * simulated API server reaches the same cluster, whatever its name.
 */
import type { KubeContext } from './command.ts';
import { contextNamed, type KubeconfigFile } from './kubeconfig-file.ts';

/** refusedMessage is kubectl's line for a server that does not answer. */
export function refusedMessage(hostPort: string): string {
  return `The connection to the server ${hostPort} was refused - did you specify the right host or port?\n`;
}

function hostPortOf(server: string): string {
  const m = /^\w+:\/\/([^/]+)/.exec(server);
  return m ? m[1]! : server;
}

/** RequestContext is the context a request goes through, or the error kubectl prints instead. */
export type RequestContext = { context: KubeContext } | { error: string };

/** requestContext resolves the context for a request to the API server at `apiServer`. */
export function requestContext(file: KubeconfigFile, override: string, apiServer: string): RequestContext {
  const name = override || file.doc.currentContext;
  const context = name ? contextNamed(file.doc, name) : undefined;
  if (name && !context) return { error: `Error in configuration: context was not found for specified context: ${name}\n` };
  if (!context || !file.doc.clusters.has(context.cluster) || !context.server) return { error: refusedMessage('localhost:8080') };
  if (!file.doc.users.has(context.user)) {
    // Real kubectl prompts for a username and password here ("Please enter Username:").
    return { error: `error: the context "${name}" names the user "${context.user}", which the kubeconfig does not define; asking for a username and password is not supported in this sandbox\n` };
  }
  if (context.server !== apiServer) return { error: refusedMessage(hostPortOf(context.server)) };
  return { context };
}
