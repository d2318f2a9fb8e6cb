/**
 * `kubectl get --raw PATH`: the API server's answer to a GET of PATH, byte for byte. The sandbox
 * answers the health checks (/healthz, /livez, /readyz: `ok`, without a newline, as the server
 * writes it), /version (version.Info, indented) and discovery's /api and /apis for the kinds it
 * serves; other paths a real server has are refused honestly.
 */
import { apiVersionOf, RESOURCES } from '../../../api/resources.ts';
import { StatusError } from '../../../apiserver/errors.ts';
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { str } from '../../flags.ts';
import { requestLogOf } from '../../request-log.ts';
import { CLUSTER_SERVER } from '../kubeconfig.ts';
import { SERVER_VERSION } from '../version.ts';

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/** discoveryGroups is /apis: every API group the sandbox serves, each with its one version. */
function discoveryGroups(): Record<string, unknown> {
  const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => apiVersionOf(r)))].map((gv) => {
    const [name, version] = gv.split('/') as [string, string];
    const v = { groupVersion: gv, version };
    return { name, versions: [v], preferredVersion: v };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** rawBody is what the API server sends for a GET of `path`. */
export function rawBody(path: string, server: string): string {
  if (HEALTH.has(path)) return 'ok';
  if (path === '/version') return JSON.stringify(SERVER_VERSION, null, 2);
  // Discovery documents are encoded by the API machinery's JSON serializer: compact, newline-terminated.
  if (path === '/api') return `${JSON.stringify({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: server.replace(/^\w+:\/\//, '') }] })}\n`;
  if (path === '/apis') return `${JSON.stringify(discoveryGroups())}\n`;
  const known = /^\/(api|apis|openapi|metrics|logs|debug)(\/|$)|^\/(healthz|livez|readyz)(\/|\?)/.test(path);
  if (known) throw new KubectlError(`kubectl get --raw ${path} is not supported in this sandbox: it answers /healthz, /livez, /readyz, /version, /api and /apis`);
  throw new StatusError('NotFound', 404, 'the server could not find the requested resource');
}

/** getRaw runs `kubectl get --raw`, refusing what kubectl refuses alongside it. */
export function getRaw(inv: Invocation): number {
  const log = (path: string, code: number) => requestLogOf(inv.cluster)?.('GET', path, code);
  const path = str(inv.flags, 'raw');
  if (inv.flags.args.length > 0) throw new KubectlError('arguments may not be passed when --raw is specified');
  if (inv.flags.values.has('output')) throw new KubectlError('--raw and --output are mutually exclusive');
  if (!path.startsWith('/')) throw new KubectlError(`--raw must be a valid URL path: parse ${JSON.stringify(path)}: invalid URI for request`);
  try {
    const body = rawBody(path, inv.kubeContext.server ?? CLUSTER_SERVER);
    log(path, 200);
    inv.ctx.stdout(body);
  } catch (e) {
    if (e instanceof StatusError) log(path, e.code);
    throw e;
  }
  return 0;
}
