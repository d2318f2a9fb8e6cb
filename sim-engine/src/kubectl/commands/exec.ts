/** kubectl exec: run a command in a running container and relay its output and exit code. */
import { badRequest } from '../../apiserver/errors.ts';
import type { Command } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { durationFlag } from './durations.ts';
import { containerView } from './exec/container.ts';
import { ExecutableNotFound, runTool } from './exec/programs.ts';
import { defaultContainer, resolvePod } from './pod-select.ts';

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash']);

/** execCommand is `kubectl exec`. */
export const execCommand: Command = {
  name: 'exec',
  summary: 'Execute a command in a container',
  help: {
    description: 'Run a command in a container of a running pod. With -it, attach the terminal to it, for a shell inside the container.',
    examples: [
      ['Run a command in a pod', 'kubectl exec web -- ls /'],
      ['Run a command in a named container', 'kubectl exec web -c web -- env'],
      ['Open a shell in a pod', 'kubectl exec -it web -- sh'],
    ],
    usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  },
  flags: [
    { name: 'container', short: 'c', type: 'string', default: "''", help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', default: 'false', help: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', default: 'false', help: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', default: 'false', help: 'Stdin is a TTY' },
  ],
  async run(inv) {
    const args = inv.flags.args;
    const command = inv.flags.afterDash ?? [];
    if (args.length === 0 && !inv.flags.values.has('filename')) throw new KubectlError('pod, type/name or --filename must be specified');
    if (inv.flags.afterDash === undefined && args.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    if (inv.flags.values.has('filename')) throw new KubectlError('exec -f is not supported in this sandbox yet');
    const timeout = durationFlag(str(inv.flags, 'pod-running-timeout', '1m0s'), 'pod-running-timeout', 'exec');
    const pod = await resolvePod(inv, args[0]!, timeout, 'exec');
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const quiet = bool(inv.flags, 'quiet');
    const name = str(inv.flags, 'container') || defaultContainer(inv, pod, quiet);
    const spec = pod.spec.containers.find((c) => c.name === name);
    const running = pod.status?.containerStatuses?.find((c) => c.name === name)?.state.running;
    if (spec && pod.spec.nodeName && !running) throw new KubectlError(`unable to upgrade connection: container not found ("${name}")`);
    if (!spec) throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
    if (!pod.spec.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
    const view = containerView(inv.cluster, pod, spec);
    const shell = command[0]!.slice(command[0]!.lastIndexOf('/') + 1);
    // -i with a shell and no script: the terminal attaches to it until `exit` (an image without that shell fails below as exec does).
    if (bool(inv.flags, 'stdin') && SHELLS.has(command[0]!) && !command.includes('-c') && view.profile.tools.has(shell)) {
      if (!inv.terminal) throw new KubectlError('an interactive shell inside a container needs the sandbox terminal; run the command with kubectl exec POD -- sh -c "..." instead');
      inv.terminal.attach({ namespace: pod.metadata.namespace!, pod: pod.metadata.name!, uid: pod.metadata.uid!, container: name, shell: shell === 'bash' ? 'bash' : 'sh', family: view.profile.family, hostname: view.hostname, tty: bool(inv.flags, 'tty'), cwd: view.cwd });
      return 0;
    }
    let code: number;
    try {
      code = await runTool(view, command, {
        stdout: (t) => inv.ctx.stdout(t),
        stderr: (t) => inv.ctx.stderr(t),
        sleep: (ms) => inv.ctx.sleep(ms),
        now: () => inv.ctx.now(),
        interrupted: () => inv.ctx.signal.interrupted,
        network: inv.cluster.network,
      }, inv.ctx.stdin);
    } catch (e) {
      if (!(e instanceof ExecutableNotFound)) throw e;
      const cmd = command[0]!;
      const why = cmd.includes('/') ? `stat ${cmd}: no such file or directory` : 'executable file not found in $PATH';
      inv.ctx.stdout(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": ${why}: unknown\n`);
      code = 126;
    }
    if (code !== 0) inv.ctx.stderr(`command terminated with exit code ${code}\n`);
    return code;
  },
};
