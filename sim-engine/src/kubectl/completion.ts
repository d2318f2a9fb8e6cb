/**
 * Tab completion for kubectl, as `source <(kubectl completion bash)` gives it: subcommands,
 * the flags of the verb being typed, resource types, object names from the live cluster
 * (also in `TYPE/NAME` form), namespaces after `-n`, and node names for the node verbs.
 * When it has nothing to offer the shell falls back to file names (`-f web.yaml`).
 */
import type { KubeObject } from '../api/meta.ts';
import { lookupResource, RESOURCES, type ResourceInfo } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import type { Completer } from '../shell/complete.ts';
import { GLOBAL_FLAGS, type Command, type KubeContext } from './command.ts';
import type { FlagSpec } from './flags.ts';
import { loadedCommands } from './verbs.ts';

/** CompletionHost is what the completer reads: the live cluster and the kubeconfig's context. */
export interface CompletionHost {
  cluster: Cluster;
  context: KubeContext;
  /** The verbs to offer; the implemented ones (COMMANDS, once verbs.ts has loaded them) by default. */
  commands?: readonly Command[];
}

/** OUTPUT_FORMATS are the values `-o` completes to. */
export const OUTPUT_FORMATS: readonly string[] = ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'];

// Verbs whose first argument is a node, and those whose first argument is a pod.
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward']);
// Verbs with sub-verbs before their TYPE/NAME arguments.
const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources', 'selector'],
  top: ['node', 'pod'],
  create: ['deployment', 'namespace', 'service'],
  config: ['current-context', 'delete-context', 'get-contexts', 'rename-context', 'set-context', 'use-context', 'view'],
};
// Verbs whose positional arguments are not resources at all.
const NO_RESOURCE_ARGS = new Set(['run', 'create', 'config', 'version', 'api-resources', 'api-versions', 'cluster-info', 'apply', 'events', 'help']);

/** kubectlCompleter returns the shell completer for kubectl's arguments. */
export function kubectlCompleter(host: CompletionHost): Completer {
  return (words, current) => completeKubectl(host, words.slice(1), current);
}

function completeKubectl(host: CompletionHost, args: string[], current: string): string[] {
  const commands = host.commands ?? loadedCommands();
  // Before the verbs have loaded (a moment after the first keystroke) there is nothing to offer yet.
  if (!commands) return [];
  const parsed = parseArgs(args, commands);
  const specs = flagSpecs(parsed);
  // The value of a flag given as the previous word: `-n <Tab>`, `-o <Tab>`, `-f <Tab>`.
  if (parsed.pendingFlag) return flagValues(host, parsed, parsed.pendingFlag, current);
  // `--namespace=ku<Tab>`
  const eq = current.indexOf('=');
  if (current.startsWith('-') && eq > 0) {
    const spec = findFlag(specs, current.slice(0, eq));
    if (!spec || spec.type === 'bool') return [];
    return flagValues(host, parsed, spec, current.slice(eq + 1)).map((v) => current.slice(0, eq + 1) + v);
  }
  if (current.startsWith('-')) return flagNames(specs, current);
  if (!parsed.verb) return [...commands.map((c) => c.name), 'help'];
  return positional(host, parsed, current);
}

interface Parsed {
  verb: string | undefined;
  command: Command | undefined;
  /** The subcommand chosen by the first positional (`create deployment`), when the verb has them. */
  sub: Command | undefined;
  /** Positional arguments after the verb. */
  positionals: string[];
  /** A flag that still waits for its value (the cursor word is that value). */
  pendingFlag: FlagSpec | undefined;
  namespace: string | undefined;
  allNamespaces: boolean;
}

// Walks the words before the cursor as pflag would: flags anywhere, `-n value`, `--namespace=value`,
// `-nvalue` and grouped shorthands (`-it`, `-Ao yaml`).
function parseArgs(args: string[], commands: readonly Command[]): Parsed {
  const out: Parsed = { verb: undefined, command: undefined, sub: undefined, positionals: [], pendingFlag: undefined, namespace: undefined, allNamespaces: false };
  let afterDash = false;
  // Applies one flag; a value-taking flag without a value takes the next word, or waits for the cursor word.
  const apply = (spec: FlagSpec, value: string | undefined, i: number): number => {
    if (spec.type === 'bool') {
      if (spec.name === 'all-namespaces') out.allNamespaces = value !== 'false';
      return i;
    }
    if (value === undefined) {
      if (i + 1 >= args.length) {
        out.pendingFlag = spec;
        return i;
      }
      value = args[++i]!;
    }
    if (spec.name === 'namespace') out.namespace = value;
    return i;
  };
  for (let i = 0; i < args.length && !out.pendingFlag; i++) {
    const a = args[i]!;
    if (afterDash || a === '-' || !a.startsWith('-')) {
      if (out.verb === undefined) {
        out.verb = a;
        out.command = commands.find((c) => c.name === a);
      } else {
        if (out.positionals.length === 0) out.sub = out.command?.subcommands?.find((c) => c.name === a || c.aliases?.includes(a));
        out.positionals.push(a);
      }
      continue;
    }
    if (a === '--') {
      afterDash = true;
      continue;
    }
    const specs = flagSpecs(out);
    const eq = a.indexOf('=');
    if (a.startsWith('--') || eq > 0) {
      const spec = findFlag(specs, eq > 0 ? a.slice(0, eq) : a);
      if (spec) i = apply(spec, eq > 0 ? a.slice(eq + 1) : undefined, i);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const spec = findFlag(specs, `-${a[j]}`);
      if (!spec) break;
      if (spec.type === 'bool') {
        apply(spec, undefined, i);
        continue;
      }
      i = apply(spec, j + 1 < a.length ? a.slice(j + 1) : undefined, i);
      break;
    }
  }
  return out;
}

// The flags in force: the subcommand's, the verb's and the global ones.
function flagSpecs(p: Pick<Parsed, 'command' | 'sub'>): FlagSpec[] {
  return [...(p.sub?.flags ?? []), ...(p.command?.flags ?? []), ...GLOBAL_FLAGS];
}

function findFlag(specs: readonly FlagSpec[], typed: string): FlagSpec | undefined {
  if (typed.startsWith('--')) return specs.find((s) => s.name === typed.slice(2));
  if (typed.length === 2) return specs.find((s) => s.short === typed.slice(1));
  return undefined;
}

function flagNames(specs: readonly FlagSpec[], current: string): string[] {
  const visible = specs.filter((s) => !s.hidden);
  const long = visible.map((s) => `--${s.name}`);
  if (current.startsWith('--')) return long;
  return [...visible.filter((s) => s.short).map((s) => `-${s.short}`), ...long];
}

function flagValues(host: CompletionHost, parsed: Parsed, spec: FlagSpec, current: string): string[] {
  switch (spec.name) {
    case 'namespace':
      return names(host, 'Namespace');
    case 'output':
      return [...OUTPUT_FORMATS];
    case 'cascade':
      return ['background', 'foreground', 'orphan'];
    case 'dry-run':
      return ['client', 'none', 'server'];
    case 'restart':
      return parsed.verb === 'run' ? ['Always', 'Never', 'OnFailure'] : [];
    case 'type':
      return parsed.verb === 'patch' ? ['json', 'merge', 'strategic'] : [];
    case 'image-pull-policy':
      return ['Always', 'IfNotPresent', 'Never'];
    case 'container':
      return containers(host, parsed);
    case 'for':
      // `kubectl events --for pod/web`
      return current.includes('/') ? typedNames(host, parsed, current) : RESOURCES.map((r) => `${r.singular}/`);
    default:
      // -f and friends: nothing here, so the shell offers file names.
      return [];
  }
}

function positional(host: CompletionHost, parsed: Parsed, current: string): string[] {
  const verb = parsed.verb!;
  const args = parsed.positionals;
  const subcommands = parsed.command?.subcommands?.map((c) => c.name) ?? SUBCOMMANDS[verb];
  if (verb === 'explain') return args.length === 0 ? resourceTypes(current) : [];
  if (subcommands) {
    if (args.length === 0) return [...subcommands];
    if (verb === 'top') return args.length === 1 ? names(host, args[0] === 'node' ? 'Node' : 'Pod', parsed) : [];
    if (NO_RESOURCE_ARGS.has(verb)) return [];
    return resourceArgs(host, parsed, args.slice(1), current);
  }
  if (NO_RESOURCE_ARGS.has(verb)) return [];
  if (NODE_VERBS.has(verb)) return names(host, 'Node');
  if (POD_VERBS.has(verb)) {
    if (args.length > 0) return [];
    if (current.includes('/')) return typedNames(host, parsed, current);
    return names(host, 'Pod', parsed);
  }
  if (verb === 'taint') {
    if (args.length === 0) return current.includes('/') ? typedNames(host, parsed, current) : ['nodes', 'node'];
    return args.length === 1 && lookupResource(args[0]!)?.kind === 'Node' ? names(host, 'Node') : [];
  }
  return resourceArgs(host, parsed, args, current);
}

// `TYPE [NAME...]` or `TYPE/NAME...`.
function resourceArgs(host: CompletionHost, parsed: Parsed, args: string[], current: string): string[] {
  if (current.includes('/')) return typedNames(host, parsed, current);
  if (args.length === 0) return resourceTypes(current);
  if (args.some((a) => a.includes('/'))) return [];
  const types = args[0]!.split(',');
  if (types.length !== 1) return [];
  const r = lookupResource(types[0]!);
  return r ? names(host, r.kind, parsed) : [];
}

/** resourceTypes lists the plural names; a short name or singular is offered only when no plural fits. */
function resourceTypes(current: string): string[] {
  const lower = current.toLowerCase();
  const plurals = RESOURCES.map((r) => r.plural).filter((p) => p.startsWith(lower));
  if (plurals.length > 0) return plurals;
  return RESOURCES.flatMap((r) => [r.singular, ...r.shortNames]).filter((n) => n.startsWith(lower));
}

// `pod/w<Tab>` → `pod/web`, keeping the type as typed.
function typedNames(host: CompletionHost, parsed: Parsed, current: string): string[] {
  const slash = current.indexOf('/');
  const type = current.slice(0, slash);
  const r = lookupResource(type);
  if (!r) return [];
  return names(host, r.kind, parsed).map((n) => `${type}/${n}`);
}

function names(host: CompletionHost, kind: string, parsed?: Parsed): string[] {
  const r: ResourceInfo | undefined = RESOURCES.find((x) => x.kind === kind);
  if (!r) return [];
  const ns = !r.namespaced || parsed?.allNamespaces ? undefined : (parsed?.namespace ?? host.context.namespace);
  const seen = new Set<string>();
  for (const o of host.cluster.api.list<KubeObject>(kind, ns)) if (o.metadata.name) seen.add(o.metadata.name);
  return [...seen];
}

// `-c <Tab>` after a pod name: that pod's containers.
function containers(host: CompletionHost, parsed: Parsed): string[] {
  const pod = parsed.positionals.find((p) => !p.includes('/')) ?? parsed.positionals[0]?.split('/')[1];
  if (!pod) return [];
  const obj = host.cluster.api.tryGet<KubeObject & { spec?: { containers?: { name: string }[] } }>('Pod', parsed.namespace ?? host.context.namespace, pod);
  return obj?.spec?.containers?.map((c) => c.name) ?? [];
}
