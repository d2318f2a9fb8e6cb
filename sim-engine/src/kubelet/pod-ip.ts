/** Pod IP allocation: the node's host-local IPAM, handing out its pod CIDR's addresses. */
import type { KubeletConfig } from './pod-worker.ts';
import type { KubeletState } from './runtime.ts';

/** allocatePodIP hands out the next free address of the node's pod subnet, as host-local IPAM does: in order, skipping ones still in use, wrapping. */
export function allocatePodIP(state: KubeletState, config: KubeletConfig): string {
  for (let i = 0; i < 253; i++) {
    state.lastIP = state.lastIP >= 254 ? 2 : state.lastIP + 1;
    const ip = `${config.podSubnet}.${state.lastIP}`;
    if (!inUse(state, ip)) return ip;
  }
  throw new Error(`no free pod IPs on ${config.node}`);
}

/** inUse tells whether a pod on the node has the address; a node runs a hundred pods at most, and the first address tried is nearly always free. */
function inUse(state: KubeletState, ip: string): boolean {
  for (const uid in state.pods) if (state.pods[uid]!.podIP === ip) return true;
  return false;
}
