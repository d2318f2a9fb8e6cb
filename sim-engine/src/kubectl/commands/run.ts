/** kubectl run: create a single pod from an image, the way the run generator builds it. */
import type { Container, Pod } from '../../api/pod.ts';
import { waitUntil, type Command, type Invocation } from '../command.ts';
import { parseImage } from '../../kubelet/images.ts';
import { containerView } from './exec/container.ts';
import { imageProfile } from './exec/image-files.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { nameOf, printObjects } from '../output.ts';
import { dryRunMode, dryRunSuffix } from './dry-run.ts';

/** runCommand is `kubectl run`. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Run a particular image on the cluster',
  help: {
    description: 'Create a single pod running an image. With --dry-run=client -o yaml it prints the pod\'s manifest instead, a quick start for writing one.',
    examples: [
      ['Start a pod running nginx', 'kubectl run web --image=nginx'],
      ['Start a pod with a label and a container port', 'kubectl run web --image=nginx --labels=app=web --port=80'],
      ['Print the manifest of a pod without creating it', 'kubectl run web --image=nginx --dry-run=client -o yaml'],
      ['Run a command in a throwaway busybox pod', 'kubectl run tmp --image=busybox --restart=Never -- echo hello'],
    ],
    usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  },
  flags: [
    { name: 'image', type: 'string', default: "''", help: 'The image for the container to run.' },
    { name: 'labels', short: 'l', type: 'string', default: "''", help: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'port', type: 'string', default: "''", help: 'The port that this container exposes.' },
    { name: 'env', type: 'stringArray', default: '[]', help: 'Environment variables to set in the container.' },
    { name: 'restart', type: 'string', default: "'Always'", help: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'command', type: 'bool', default: 'false', help: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', default: "''", help: 'The image pull policy for the container.' },
    { name: 'annotations', type: 'stringArray', default: '[]', help: 'Annotations to apply to the pod.' },
    { name: 'dry-run', type: 'string', default: "'none'", help: 'Must be "none", "server", or "client".' },
    { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format.' },
    { name: 'rm', type: 'bool', default: 'false', help: 'If true, delete the pod after it exits.' },
    { name: 'stdin', short: 'i', type: 'bool', default: 'false', help: 'Keep stdin open on the container in the pod.' },
    { name: 'tty', short: 't', type: 'bool', default: 'false', help: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', type: 'bool', default: 'false', help: 'If true, wait for the Pod to start running, and then attach to the Pod.' },
  ],
  run(inv) {
    const [name] = inv.flags.args;
    if (!name) throw new UsageError('NAME is required for run');
    const image = str(inv.flags, 'image');
    if (!image) throw new KubectlError('required flag(s) "image" not set');
    const restart = str(inv.flags, 'restart', 'Always');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`);
    if (bool(inv.flags, 'rm') && !bool(inv.flags, 'stdin') && !bool(inv.flags, 'attach')) throw new UsageError('--rm should only be used for attached containers');
    const stdin = bool(inv.flags, 'stdin');
    const tty = bool(inv.flags, 'tty');
    if (tty && !stdin) throw new KubectlError('-i/--stdin is required for containers with -t/--tty=true');
    if (bool(inv.flags, 'attach') && !stdin) throw new KubectlError('attaching to a container without -i is not supported in this sandbox yet');
    const mode = dryRunMode(inv);
    if (stdin && mode !== 'none') throw new KubectlError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    const output = str(inv.flags, 'output');
    const pod = buildPod(inv.flags, name, image, restart, inv.namespaceExplicit ? inv.namespace : undefined);
    if (stdin) return runAttached(inv, pod, tty, restart);
    // A client-side dry run prints what kubectl would send; otherwise the server's answer.
    // The request goes to the context's namespace even when the object names none (as with -n unset).
    const result = mode === 'client' ? { ...pod, metadata: { creationTimestamp: null, ...pod.metadata } } : inv.cluster.api.create(inNamespace(pod, inv.namespace), 'kubectl', { dryRun: mode === 'server' });
    if (output) printObjects(inv, [result as Pod], output, { single: true });
    else inv.ctx.stdout(`${nameOf(result as Pod)} created${dryRunSuffix(mode)}\n`);
    return 0;
  },
};

/** runAttached is `kubectl run -i`: create the pod with stdin open, wait for it to run, and attach the terminal to its shell. */
async function runAttached(inv: Invocation, pod: Pod, tty: boolean, restart: string): Promise<number> {
  const container = pod.spec.containers[0]!;
  const ref = parseImage(container.image ?? '');
  const profile = imageProfile(ref?.repository ?? '', ref?.tag ?? 'latest');
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  // Without a command busybox and alpine images start their shell; the sandbox attaches only to a shell.
  const shell = argv.length === 0 ? (profile.family === 'busybox' || (profile.family === 'alpine' && !profile.tools.has('nginx')) ? 'sh' : undefined) : argv.length === 1 ? argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1) : undefined;
  if (!shell || !['sh', 'ash', 'bash'].includes(shell) || !profile.tools.has(shell)) {
    throw new KubectlError('attaching to a container is supported in this sandbox only for a shell: kubectl run NAME -it --image=busybox -- sh');
  }
  if (!inv.terminal) throw new KubectlError('an interactive shell inside a container needs the sandbox terminal');
  Object.assign(container, { stdin: true, stdinOnce: true, ...(tty && { tty: true }) });
  const created = inv.cluster.api.create(inNamespace(pod, inv.namespace), 'kubectl');
  inv.cluster.drain();
  const ns = created.metadata.namespace!;
  const current = () => inv.cluster.api.tryGet<Pod>('Pod', ns, created.metadata.name!);
  const running = await waitUntil(inv, () => !!current()?.status?.containerStatuses?.[0]?.state.running, 60_000);
  if (!running) throw new KubectlError('timed out waiting for the condition');
  const live = current()!;
  const view = containerView(inv.cluster, live, live.spec.containers[0]!);
  if (tty) inv.ctx.stderr("If you don't see a command prompt, try pressing enter.\n");
  inv.terminal.attach({
    namespace: ns,
    pod: live.metadata.name!,
    uid: live.metadata.uid!,
    container: container.name,
    shell: shell === 'bash' ? 'bash' : 'sh',
    family: profile.family,
    hostname: view.hostname,
    tty,
    cwd: view.cwd,
    run: { restartPolicy: restart, rm: bool(inv.flags, 'rm') },
  });
  return 0;
}

function inNamespace(pod: Pod, namespace: string): Pod {
  return { ...pod, metadata: { ...pod.metadata, namespace: pod.metadata.namespace ?? namespace } };
}

function buildPod(flags: Parameters<Command['run']>[0]['flags'], name: string, image: string, restart: string, namespace: string | undefined): Pod {
  const labels = str(flags, 'labels') ? parseKeyValues(str(flags, 'labels'), 'labels') : { run: name };
  const extra = flags.afterDash ?? flags.args.slice(1);
  const container: Container = { name, image, resources: {} };
  if (extra.length) {
    if (bool(flags, 'command')) container.command = extra;
    else container.args = extra;
  }
  const port = str(flags, 'port');
  if (port) {
    const n = Number(port);
    if (!Number.isInteger(n)) throw new KubectlError(`strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: n }];
  }
  const env = list(flags, 'env');
  if (env.length) {
    container.env = env.map((e) => {
      const eq = e.indexOf('=');
      if (eq < 0) throw new KubectlError(`invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  }
  const policy = str(flags, 'image-pull-policy');
  if (policy) {
    if (!['Always', 'IfNotPresent', 'Never'].includes(policy)) throw new KubectlError(`invalid image pull policy: ${policy}`);
    container.imagePullPolicy = policy as Container['imagePullPolicy'];
  }
  const annotations = list(flags, 'annotations');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels,
      ...(namespace ? { namespace } : {}),
      ...(annotations.length ? { annotations: Object.fromEntries(annotations.map((a) => splitOnce(a))) } : {}),
    },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart as Pod['spec']['restartPolicy'] },
    status: {},
  };
}

function parseKeyValues(text: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid ${what.replace(/s$/, '')} spec: ${pair}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function splitOnce(s: string): [string, string] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, ''] : [s.slice(0, eq), s.slice(eq + 1)];
}

