/** Command-line parsing for kubeadm: pflag's `--flag value` and `--flag=value`, the flags the sandbox knows, and cobra's unknown-flag error. */
import type { ProgramContext } from '../types.ts';

/** KubeadmArgs are a kubeadm command line's positional arguments and flags. */
export interface KubeadmArgs {
  positionals: string[];
  flags: Map<string, string>;
}

/** VALUE_FLAGS take a value; every other known flag is a boolean. */
const VALUE_FLAGS = new Set([
  'token',
  'discovery-token-ca-cert-hash',
  'pod-network-cidr',
  'service-cidr',
  'apiserver-advertise-address',
  'apiserver-bind-port',
  'control-plane-endpoint',
  'kubernetes-version',
  'cri-socket',
  'node-name',
  'ignore-preflight-errors',
  'config',
  'ttl',
  'description',
  'output',
  'o',
  'v',
]);

const BOOL_FLAGS = new Set(['print-join-command', 'discovery-token-unsafe-skip-ca-verification', 'control-plane', 'upload-certs', 'dry-run', 'help', 'h', 'skip-token-print']);

/** ArgsError is a command line kubeadm refuses; its message is cobra's. */
export class ArgsError extends Error {}

/** parseKubeadmArgs splits a kubeadm command line; an unknown flag throws ArgsError. */
export function parseKubeadmArgs(args: readonly string[]): KubeadmArgs {
  const out: KubeadmArgs = { positionals: [], flags: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (VALUE_FLAGS.has(name)) {
      const value = eq >= 0 ? body.slice(eq + 1) : args[++i];
      if (value === undefined) throw new ArgsError(`flag needs an argument: ${a}`);
      out.flags.set(name, value);
    } else if (BOOL_FLAGS.has(name)) {
      out.flags.set(name, eq < 0 ? 'true' : body.slice(eq + 1));
    } else {
      throw new ArgsError(a.startsWith('--') ? `unknown flag: --${name}` : `unknown shorthand flag: '${name[0]}' in ${a}`);
    }
  }
  return out;
}

/** flag is a flag's value, or '' when it was not given. */
export function flag(args: KubeadmArgs, name: string): string {
  return args.flags.get(name) ?? '';
}

/** isSet tells whether a boolean flag was given (and not `=false`). */
export function isSet(args: KubeadmArgs, name: string): boolean {
  const v = args.flags.get(name);
  return v !== undefined && v !== 'false';
}

/** fail prints `before` to stdout and `message` to stderr, and returns 1. */
export function fail(ctx: ProgramContext, message: string, before = ''): number {
  if (before) ctx.stdout(before);
  ctx.stderr(message);
  return 1;
}
