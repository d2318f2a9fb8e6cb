/**
 * Probe validation: validateReadinessProbe, validateLivenessProbe and validateStartupProbe of
 * the API server (k8s.io/kubernetes pkg/apis/core/validation), with their field paths and words.
 */
import type { Container, Probe } from '../../api/pod.ts';
import type { FieldError } from '../errors.ts';
import { forbiddenField, invalidValue, required, unsupported } from './field.ts';

/** validateProbes checks a container's readiness, liveness and startup probes rooted at `at`, e.g. `spec.containers[0]`. */
export function validateProbes(c: Container, at: string): FieldError[] {
  const errs: FieldError[] = [];
  if (c.readinessProbe) {
    errs.push(...validateProbe(c.readinessProbe, `${at}.readinessProbe`));
    if (c.readinessProbe.terminationGracePeriodSeconds !== undefined) {
      errs.push(invalidValue(`${at}.readinessProbe.terminationGracePeriodSeconds`, c.readinessProbe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
  }
  for (const kind of ['livenessProbe', 'startupProbe'] as const) {
    const p = c[kind];
    if (!p) continue;
    errs.push(...validateProbe(p, `${at}.${kind}`));
    // Only one success can end a liveness or startup failure streak.
    if ((p.successThreshold ?? 1) !== 1) errs.push(invalidValue(`${at}.${kind}.successThreshold`, p.successThreshold, 'must be 1'));
  }
  return errs;
}

function validateProbe(p: Probe, path: string): FieldError[] {
  const errs = validateHandler(p, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = p[f];
    if (v !== undefined && v < 0) errs.push(invalidValue(`${path}.${f}`, v, 'must be greater than or equal to 0'));
  }
  if (p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalidValue(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  return errs;
}

function validateHandler(p: Probe, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const one = (name: string, check: () => FieldError[]) => {
    if (handlers > 0) errs.push(forbiddenField(`${path}.${name}`, 'may not specify more than 1 handler type'));
    else {
      handlers++;
      errs.push(...check());
    }
  };
  if (p.exec) one('exec', () => (p.exec!.command?.length ? [] : [required(`${path}.exec.command`)]));
  if (p.httpGet) {
    one('httpGet', () => {
      const h = p.httpGet!;
      const out: FieldError[] = [];
      if (!h.path) out.push(required(`${path}.httpGet.path`));
      out.push(...validatePortNumOrName(h.port, `${path}.httpGet.port`));
      if (h.scheme !== undefined && h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') out.push(unsupported(`${path}.httpGet.scheme`, h.scheme, ['HTTP', 'HTTPS']));
      return out;
    });
  }
  if (p.tcpSocket) one('tcpSocket', () => validatePortNumOrName(p.tcpSocket!.port, `${path}.tcpSocket.port`));
  if (p.grpc) one('grpc', () => []);
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

/** validatePortNumOrName is ValidatePortNumOrName: a number in 1–65535 or an IANA service name. */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return port >= 1 && port <= 65535 ? [] : [invalidValue(path, port, 'must be between 1 and 65535, inclusive')];
  const name = port ?? '';
  const msgs: string[] = [];
  if (name.length > 15) msgs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) msgs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) msgs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) msgs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) msgs.push('must not begin or end with a hyphen');
  return msgs.map((m) => invalidValue(path, name, m));
}
