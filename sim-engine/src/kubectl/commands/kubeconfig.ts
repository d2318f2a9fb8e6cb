/**
 * The sandbox's kubeconfig, derived from the live kube context: one cluster, one user (client
 * certificates, as kind writes them) and one context whose namespace `config set-context`
 * changes. Certificate data is fake but shaped like the real base64 PEM.
 */
import type { KubeContext } from '../command.ts';

/** CLUSTER_SERVER is the API server address the kubeconfig points at (the control-plane node). */
export const CLUSTER_SERVER = 'https://172.18.0.2:6443';

const PEM = (label: string, body: string) => btoaAscii(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`);

const CA_DATA = PEM('CERTIFICATE', 'MIIDBTCCAe2gAwIBAgIIS2mZ0Rl6R2AwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNTAxMDYxMDAwMDBaFw0zNTAxMDQxMDA1MDBaMBUx');
const CERT_DATA = PEM('CERTIFICATE', 'MIIDKTCCAhGgAwIBAgIIbW2r0v0hG5gwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNTAxMDYxMDAwMDBaFw0yNjAxMDYxMDA1MDBaMDwx');
const KEY_DATA = PEM('RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEAwJ9yq0m5c7hY3oZ8X2qlVd1Tq3v0bQ4yVw8m2Hn6kR5tZ1aE\nq9sF3cL0pX7wN2bY4dM6jK8hT5rG1vB0nC3xZ9aQ7eL2uW4iO6pS8dF0gH2jK4l');

function btoaAscii(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const n = (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += i + 1 < s.length ? alphabet[(n >> 6) & 63]! : '=';
    out += i + 2 < s.length ? alphabet[n & 63]! : '=';
  }
  return out;
}

/** contextNamespace is the namespace kubeconfig records; the sandbox's "default" counts as unset, as in a fresh kind kubeconfig. */
export function contextNamespace(ctx: KubeContext): string {
  return ctx.namespace === 'default' ? '' : ctx.namespace;
}

/** kubeconfig returns the kubeconfig as clientcmd's v1.Config, fields in Go struct order. */
export function kubeconfig(ctx: KubeContext, raw: boolean): Record<string, unknown> {
  const data = (d: string) => (raw ? d : 'DATA+OMITTED');
  const ns = contextNamespace(ctx);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: [{ name: ctx.cluster, cluster: { server: ctx.server ?? CLUSTER_SERVER, 'certificate-authority-data': data(CA_DATA) } }],
    users: [{ name: ctx.user, user: { 'client-certificate-data': data(CERT_DATA), 'client-key-data': data(KEY_DATA) } }],
    contexts: [{ name: ctx.name, context: { cluster: ctx.cluster, user: ctx.user, ...(ns ? { namespace: ns } : {}) } }],
    'current-context': ctx.name,
  };
}
