/**
 * `kubeadm join`: validates the command line as kubeadm does, runs discovery against the
 * control plane (the endpoint must be the control plane's `<ip>:6443`, the token one that
 * `kubeadm init` or `kubeadm token create` made, the CA hash the cluster's), then registers
 * the worker, whose Node appears NotReady and turns Ready a few seconds later.
 */
import { notOnWorkstation, type MachineHost } from '../../machines/host.ts';
import { endpointOf, joinWorker, TOKEN_FORMAT } from '../../machines/kubeadm.ts';
import { JOIN_CLOSING, JOIN_PREAMBLE, NOT_ROOT, phaseError, preflightFailure, STACK_TRACE_HINT } from '../../machines/kubeadm-text.ts';
import { nap } from '../builtins/time.ts';
import { INTERRUPTED } from '../run/executor.ts';
import type { ProgramContext } from '../types.ts';
import { runningAsRoot } from './sudo.ts';
import { fail, flag, isSet, type KubeadmArgs } from './kubeadm-args.ts';

const PREFLIGHT = '[preflight] Running pre-flight checks\n';

/** kubeadmJoin runs `kubeadm join <endpoint> --token T --discovery-token-ca-cert-hash sha256:H` on the current machine. */
export async function kubeadmJoin(host: MachineHost, args: KubeadmArgs, ctx: ProgramContext): Promise<number> {
  const { machines, cluster } = host;
  const here = machines.here();
  if (!here) return fail(ctx, notOnWorkstation('kubeadm join', host));
  if (isSet(args, 'control-plane')) return fail(ctx, 'error: kubeadm join --control-plane is not supported in this sandbox: it runs one control-plane node\n');
  const k = machines.kubeadm;
  const endpoint = args.positionals[1] ?? '';
  const token = flag(args, 'token');
  const hash = flag(args, 'discovery-token-ca-cert-hash');
  const invalid = validate(endpoint, token, hash, isSet(args, 'discovery-token-unsafe-skip-ca-verification'));
  if (invalid) return fail(ctx, `${invalid}\n${STACK_TRACE_HINT}`);
  // The command line is checked before the phases run; preflight then checks for root before anything else.
  if (!runningAsRoot(ctx.env)) return fail(ctx, preflightFailure([NOT_ROOT]), PREFLIGHT);
  if (k?.controlPlane === here.name || k?.joined.includes(here.name)) {
    return fail(
      ctx,
      preflightFailure([
        'FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists',
        'Port-10250]: Port 10250 is in use',
        'FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists',
      ]),
      PREFLIGHT,
    );
  }
  ctx.stdout(PREFLIGHT);
  const cp = machines.controlPlane();
  const identity = (message: string) => fail(ctx, phaseError('preflight', `couldn't validate the identity of the API Server: ${message}`));
  if (!k || !cp || endpoint !== endpointOf(cp)) {
    const address = endpoint.includes(':') ? endpoint : `${endpoint}:443`;
    return identity(`Get "https://${address}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${address}: connect: connection refused`);
  }
  const id = token.split('.')[0]!;
  if (!k.tokens.some((t) => t.startsWith(`${id}.`))) return identity(`could not find a JWS signature in the cluster-info ConfigMap for token ID "${id}"`);
  if (!k.tokens.includes(token)) return identity("failed to verify JWS signature of received cluster info object, can't trust this API Server");
  if (hash !== '' && hash !== `sha256:${k.caCertHash}`) return identity(`cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:${k.caCertHash}" are pinned`);
  ctx.stdout(JOIN_PREAMBLE);
  const kubeletMs = 500 + cluster.random.int(500);
  // Interrupted before the kubelet registers, nothing has changed yet; after it, the node has joined.
  if (await nap(ctx, kubeletMs)) return INTERRUPTED;
  ctx.stdout(`[kubelet-check] The kubelet is healthy after ${kubeletMs}.${cluster.random.string(6, '0123456789')}ms\n`);
  joinWorker(cluster, machines, here);
  if (await nap(ctx, 1000)) return INTERRUPTED;
  ctx.stdout(JOIN_CLOSING);
  return 0;
}

/** validate checks the discovery flags as kubeadm's config validation does, returning its complaint. */
function validate(endpoint: string, token: string, hash: string, skipCA: boolean): string | undefined {
  if (token === '') return 'discovery: Invalid value: "": bootstrapToken or file must be set';
  if (!TOKEN_FORMAT.test(token)) return `discovery.bootstrapToken.token: Invalid value: "${token}": the bootstrap token "${token}" was not of the form "[a-z0-9]{6}.[a-z0-9]{16}"`;
  if (endpoint === '') return 'discovery.bootstrapToken.apiServerEndpoint: Invalid value: "": the API server endpoint is required';
  if (hash === '' && !skipCA) {
    return 'discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue';
  }
  if (hash !== '' && !/^sha256:[0-9a-f]{64}$/.test(hash)) return `discovery.bootstrapToken.caCertHashes: Invalid value: "${hash}": the hash must be "sha256:" and 64 hexadecimal digits`;
  return undefined;
}
