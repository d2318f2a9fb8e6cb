/**
 * gateKubectl puts kubectl behind the kubeconfig on bare machines: until a kubeconfig names a
 * running API server, kubectl answers as the real client does with no kubeconfig (it falls
 * back to localhost:8080) or with a server that is down. Commands that never reach a server
 * (help, completion, `version --client`, `config`) run as usual.
 */
import { ALL_COMMANDS } from '../kubectl/help.ts';
import { parseRoot } from '../kubectl/root-args.ts';
import type { Program, ProgramContext } from '../shell/types.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import { configuredServer, hostPort } from './kubeconfig.ts';
import type { Machines } from './machines.ts';

/** gateKubectl wraps kubectl so it reaches the cluster only through a kubeconfig naming its running API server. */
export function gateKubectl(kubectl: Program, machines: Machines, fs: () => VirtualFS): Program {
  return (ctx) => {
    const root = parseRoot(ctx.args, (n) => ALL_COMMANDS.includes(n));
    const verb = root.kind === 'verb' ? root.name : undefined;
    // Lines that fail before any request (no verb, an unknown one) fail the same with or without a cluster.
    if (root.kind !== 'verb' || ctx.args.includes('--help') || ctx.args.includes('-h') || verb === 'help' || verb === 'completion') return kubectl(ctx);
    if (verb === 'version' && ctx.args.some((a) => a === '--client' || a === '--client=true')) return kubectl(ctx);
    // `kubectl config` reads and writes the kubeconfig file and never calls the server.
    if (verb === 'config') return kubectl(ctx);
    // --kubeconfig names the one file kubectl reads, as $KUBECONFIG with a single path would.
    const flag = ctx.args.findIndex((a) => a === '--kubeconfig' || a.startsWith('--kubeconfig='));
    const explicit = flag < 0 ? undefined : ctx.args[flag]!.includes('=') ? ctx.args[flag]!.slice('--kubeconfig='.length) : ctx.args[flag + 1];
    const server = configuredServer(fs(), explicit ? { ...ctx.env, KUBECONFIG: explicit } : ctx.env);
    const api = machines.apiServer();
    if (server !== undefined && api?.up && server === api.server) return kubectl(ctx);
    return refused(server, verb === 'version' ? kubectl : undefined, ctx);
  };
}

/**
 * refused prints kubectl's connection error. The real client first logs five klog lines
 * (`E1125 20:10:28.275778   19002 memcache.go:265] "Unhandled Error" err="couldn't get current
 * server API group list: ..."`), stamped with the wall clock and the process id; they are
 * left out as noise, keeping the one line every tutorial quotes.
 */
async function refused(server: string | undefined, clientVersion: Program | undefined, ctx: ProgramContext): Promise<number> {
  // `kubectl version` prints the client's versions before it fails to reach the server.
  if (clientVersion) await clientVersion({ ...ctx, args: [...ctx.args, '--client'] });
  ctx.stderr(`The connection to the server ${server === undefined ? 'localhost:8080' : hostPort(server)} was refused - did you specify the right host or port?\n`);
  return 1;
}
