/**
 * kubeadm: `init` brings up the control plane on the machine the learner is logged in to,
 * `join` adds a worker, `token create [--print-join-command]` mints a new bootstrap token, and
 * `version` prints kubeadm's version. Their output follows kubeadm 1.32; waits (the kubelet
 * and the API server coming up) are cluster time, so a transcript runs instantly.
 */
import type { MachineHost } from '../../machines/host.ts';
import { notOnWorkstation } from '../../machines/host.ts';
import { addEssentialAddons, endpointOf, initControlPlane, newToken } from '../../machines/kubeadm.ts';
import { ADDONS_TEXT, initClosing, initMarkAndToken, initPreamble, joinCommand, NOT_ROOT, preflightFailure, STACK_TRACE_HINT } from '../../machines/kubeadm-text.ts';
import { KUBEADM_CONTEXT } from '../../machines/kubeconfig.ts';
import { nap } from '../builtins/time.ts';
import { INTERRUPTED } from '../run/executor.ts';
import type { Program, ProgramContext } from '../types.ts';
import { runningAsRoot } from './sudo.ts';
import { ArgsError, fail, type KubeadmArgs, isSet, parseKubeadmArgs } from './kubeadm-args.ts';
import { kubeadmJoin } from './kubeadm-join.ts';

const HELP = `kubeadm: easily bootstrap a secure Kubernetes cluster

Usage:
  kubeadm [command]

Available Commands in this sandbox:
  init        Run this command in order to set up the Kubernetes control plane
  join        Run this on any machine you wish to join an existing cluster
  token       Manage bootstrap tokens: kubeadm token create [--print-join-command]
  version     Print the version of kubeadm

Use "kubeadm [command] --help" for more information about a command.
`;

const VERSION_INFO =
  'kubeadm version: &version.Info{Major:"1", Minor:"32", GitVersion:"v1.32.2", GitCommit:"67a30c0adcf52bd3f56ff0893ce19966be12991f", GitTreeState:"clean", BuildDate:"2025-02-12T21:24:52Z", GoVersion:"go1.23.6", Compiler:"gc", Platform:"linux/amd64"}\n';

/** UNSUPPORTED are kubeadm's other commands, which say so plainly. */
const UNSUPPORTED = ['certs', 'completion', 'config', 'kubeconfig', 'reset', 'upgrade', 'alpha'];

/** createKubeadm returns kubeadm as a shell program acting on the session's machines. */
export function createKubeadm(host: MachineHost): Program {
  return async (ctx) => {
    let args: KubeadmArgs;
    try {
      args = parseKubeadmArgs(ctx.args);
    } catch (e) {
      if (!(e instanceof ArgsError)) throw e;
      ctx.stderr(`${e.message}\n${STACK_TRACE_HINT}`);
      return 1;
    }
    const [verb, sub] = args.positionals;
    if (verb === undefined || verb === 'help' || isSet(args, 'help') || isSet(args, 'h')) {
      ctx.stdout(HELP);
      return 0;
    }
    switch (verb) {
      case 'init':
        return init(host, ctx);
      case 'join':
        return kubeadmJoin(host, args, ctx);
      case 'version':
        ctx.stdout(['short', 'o=short'].includes(args.flags.get('output') ?? args.flags.get('o') ?? '') ? 'v1.32.2\n' : VERSION_INFO);
        return 0;
      case 'token':
        if (sub === 'create') return tokenCreate(host, args, ctx);
        ctx.stderr(`error: kubeadm token ${sub ?? ''} is not supported in this sandbox: try kubeadm token create --print-join-command\n`.replace('token  is', 'token is'));
        return 1;
    }
    if (UNSUPPORTED.includes(verb)) {
      ctx.stderr(`error: kubeadm ${verb} is not supported in this sandbox\n`);
      return 1;
    }
    ctx.stderr(`unknown command "${verb}" for "kubeadm"\n${STACK_TRACE_HINT}`);
    return 1;
  };
}

/** init refuses where kubeadm's preflight (or the sandbox's one-cluster rule) would, then runs kubeadm's phases. */
async function init(host: MachineHost, ctx: ProgramContext): Promise<number> {
  const { machines, cluster } = host;
  const here = machines.here();
  if (!here) return fail(ctx, notOnWorkstation('kubeadm init', host));
  if (machines.minikube) return fail(ctx, 'error: kubeadm init is not supported in this sandbox next to minikube: the sandbox runs one cluster, and minikube built it\n');
  const k = machines.kubeadm;
  const preflight = (errors: string[]) => fail(ctx, preflightFailure(errors), `[init] Using Kubernetes version: v1.32.2\n[preflight] Running pre-flight checks\n`);
  // kubeadm checks for root on its own, before every other preflight check.
  if (!runningAsRoot(ctx.env)) return preflight([NOT_ROOT]);
  if (k?.controlPlane === here.name) {
    return preflight([
      'Port-6443]: Port 6443 is in use',
      'Port-10259]: Port 10259 is in use',
      'Port-10257]: Port 10257 is in use',
      'FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml]: /etc/kubernetes/manifests/kube-apiserver.yaml already exists',
      'Port-10250]: Port 10250 is in use',
      'Port-2379]: Port 2379 is in use',
      'DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty',
    ]);
  }
  if (k?.joined.includes(here.name)) return preflight(['Port-10250]: Port 10250 is in use', 'FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists']);
  if (k) return fail(ctx, `error: kubeadm init is not supported in this sandbox on ${here.name}: the sandbox runs one cluster, and its control plane is ${k.controlPlane}\n`);
  if (here.role !== 'control-plane') {
    const cp = machines.list().find((m) => m.role === 'control-plane');
    return fail(ctx, `error: kubeadm init is not supported in this sandbox on ${here.name}, a worker machine: run it on ${cp?.name ?? 'the control-plane machine'}\n`);
  }
  ctx.stdout(initPreamble(here));
  const state = initControlPlane(cluster, machines, host.fs(), here);
  // Ctrl+C stops the printing, not the work: without `kubeadm reset` a half-built control plane could never be finished.
  const finish = () => {
    addEssentialAddons(cluster);
    Object.assign(host.context, { ...KUBEADM_CONTEXT, server: `https://${endpointOf(here)}` });
  };
  const kubeletMs = 500 + cluster.random.int(500);
  if (await nap(ctx, kubeletMs)) return (finish(), INTERRUPTED);
  ctx.stdout(`[kubelet-check] The kubelet is healthy after ${kubeletMs}.${cluster.random.string(6, '0123456789')}ms\n[api-check] Waiting for a healthy API server. This can take up to 4m0s\n`);
  const apiMs = 4000 + cluster.random.int(1000);
  if (await nap(ctx, apiMs)) return (finish(), INTERRUPTED);
  ctx.stdout(`[api-check] The API server is healthy after ${(apiMs / 1000).toFixed(3)}${cluster.random.string(6, '0123456789')}s\n`);
  const token = state.tokens[0]!;
  ctx.stdout(initMarkAndToken(here, token));
  finish();
  ctx.stdout(ADDONS_TEXT);
  ctx.stdout(initClosing(endpointOf(here), token, state.caCertHash));
  return 0;
}

/** tokenCreate mints a bootstrap token and prints it, or with --print-join-command the whole join command. */
function tokenCreate(host: MachineHost, args: KubeadmArgs, ctx: ProgramContext): number {
  const k = host.machines.kubeadm;
  const cp = host.machines.controlPlane();
  if (!k || !cp) return fail(ctx, `failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory\n${STACK_TRACE_HINT}`);
  // admin.conf is readable by root only.
  if (!runningAsRoot(ctx.env)) return fail(ctx, `failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: permission denied\n${STACK_TRACE_HINT}`);
  const token = newToken(host.cluster.random);
  k.tokens.push(token);
  ctx.stdout(isSet(args, 'print-join-command') ? joinCommand(endpointOf(cp), token, k.caCertHash) : `${token}\n`);
  return 0;
}
