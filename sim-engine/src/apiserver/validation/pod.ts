/** Pod validation: the checks of the API server's pod strategy, with Kubernetes' field paths. */
import type { Container, PodSpec } from '../../api/pod.ts';
import type { FieldError } from '../errors.ts';
import { duplicate, invalidValue, required, unsupported } from './field.ts';
import { dns1123Label } from './names.ts';
import { validateProbes } from './probe.ts';

/** validatePodSpec checks a pod spec (or a template's) rooted at `path`, e.g. `spec` or `spec.template.spec`. */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec?.containers?.length) {
    errs.push(required(`${path}.containers`));
    return errs;
  }
  errs.push(...validateContainers(spec.containers, `${path}.containers`, new Set()));
  const policies = ['Always', 'OnFailure', 'Never'];
  if (spec.restartPolicy !== undefined && !policies.includes(spec.restartPolicy)) {
    errs.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, policies));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalidValue(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  return errs;
}

function validateContainers(containers: Container[], path: string, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!c.name) errs.push(required(`${at}.name`));
    else {
      errs.push(...dns1123Label(`${at}.name`, c.name));
      if (seen.has(c.name)) errs.push(duplicate(`${at}.name`, c.name));
      seen.add(c.name);
    }
    if (!c.image || !c.image.trim()) errs.push(required(`${at}.image`));
    (c.ports ?? []).forEach((p, j) => {
      if (!(p.containerPort >= 1 && p.containerPort <= 65535)) {
        errs.push(invalidValue(`${at}.ports[${j}].containerPort`, p.containerPort, 'must be between 1 and 65535, inclusive'));
      }
      if (p.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) {
        errs.push(unsupported(`${at}.ports[${j}].protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
      }
    });
    (c.env ?? []).forEach((e, j) => {
      if (!e.name) errs.push(required(`${at}.env[${j}].name`));
    });
    errs.push(...validateProbes(c, at));
  });
  return errs;
}
