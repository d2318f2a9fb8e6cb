/**
 * busybox `ip`: `ip addr` (`ip a`, `ip address show`) and `ip route` (`ip r`) inside a pod's
 * network namespace: the loopback and the pod's veth end, eth0, with its IP on the node's /24.
 * The MAC address and the peer interface index are derived from the pod, so they stay put.
 */
import type { ContainerView } from './container.ts';
import type { ExecIO } from './programs.ts';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** podMAC is the veth's locally administered MAC address, fixed per pod. */
export function podMAC(view: ContainerView): number[] {
  const h = hash(view.pod.metadata.uid ?? view.pod.metadata.name ?? '');
  const h2 = hash(`${h}`);
  return [0x02 | ((h >>> 24) & 0xfc), (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff, (h2 >>> 8) & 0xff, h2 & 0xff];
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** linkLocal is the EUI-64 IPv6 link-local address of a MAC, as the kernel assigns it. */
export function linkLocal(mac: number[]): string {
  const [a, b, c, d, e, f] = mac as [number, number, number, number, number, number];
  const groups = [((a ^ 0x02) << 8) | b, (c << 8) | 0xff, 0xfe00 | d, (e << 8) | f];
  return `fe80::${groups.map((g) => g.toString(16)).join(':')}`;
}

function subnet(ip: string): { net: string; brd: string; gw: string } {
  const base = ip.split('.').slice(0, 3).join('.');
  return { net: `${base}.0`, brd: `${base}.255`, gw: `${base}.1` };
}

/** addrText is what busybox `ip addr` prints for the pod. */
export function addrText(view: ContainerView): string {
  const ip = view.pod.status?.podIP ?? '';
  const mac = podMAC(view);
  const peer = 5 + (hash(view.pod.metadata.name ?? '') % 20);
  return `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: eth0@if${peer}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue 
    link/ether ${mac.map(hex).join(':')} brd ff:ff:ff:ff:ff:ff
    inet ${ip}/24 brd ${subnet(ip).brd} scope global eth0
       valid_lft forever preferred_lft forever
    inet6 ${linkLocal(mac)}/64 scope link 
       valid_lft forever preferred_lft forever
`;
}

const ADDR = ['a', 'ad', 'add', 'addr', 'addre', 'addres', 'address'];
const ROUTE = ['r', 'ro', 'rou', 'rout', 'route'];

/** ip runs busybox `ip` with the objects the sandbox models: addr and route. */
export function ip(view: ContainerView, args: string[], io: ExecIO): number {
  const words = args.filter((a) => !a.startsWith('-'));
  const [object, command = 'show'] = words;
  if (view.pod.spec.hostNetwork) {
    io.stderr('ip: the node network namespace of a hostNetwork pod is not modelled in this sandbox\n');
    return 1;
  }
  if (object === undefined) {
    io.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n');
    return 1;
  }
  const shows = ['show', 'list', 'lst', 'sh', 'ls', 'l', 's'].includes(command);
  if (ADDR.includes(object) && shows) {
    io.stdout(addrText(view));
    return 0;
  }
  if (ROUTE.includes(object) && shows) {
    const podIP = view.pod.status?.podIP ?? '';
    const { net, gw } = subnet(podIP);
    io.stdout(`default via ${gw} dev eth0 \n${net}/24 dev eth0 scope link  src ${podIP} \n`);
    return 0;
  }
  io.stderr(`ip: ip ${args.join(' ')} is not supported in this sandbox (ip addr and ip route are)\n`);
  return 1;
}
