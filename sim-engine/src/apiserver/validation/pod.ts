/** Pod validation: the checks of the API server's pod strategy, with Kubernetes' field paths. */
import type { Container, PodSpec } from '../../api/pod.ts';
import type { FieldError } from '../errors.ts';
import { duplicate, forbiddenField, invalidValue, required, unsupported } from './field.ts';
import { dns1123Label } from './names.ts';
import { validateProbes } from './probe.ts';

/** validatePodSpec checks a pod spec (or a template's) rooted at `path`, e.g. `spec` or `spec.template.spec`. */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec?.containers?.length) {
    errs.push(required(`${path}.containers`));
    return errs;
  }
  const names = new Set<string>();
  errs.push(...validateContainers(spec.containers, `${path}.containers`, names));
  // validateInitContainers: names are unique across regular and init containers.
  if (spec.initContainers) errs.push(...validateContainers(spec.initContainers, `${path}.initContainers`, names, true));
  const policies = ['Always', 'OnFailure', 'Never'];
  if (spec.restartPolicy !== undefined && !policies.includes(spec.restartPolicy)) {
    errs.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, policies));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalidValue(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  return errs;
}

/** INIT_ONLY_FORBIDDEN lists the fields an init container may not set (without restartPolicy=Always, which this sandbox lacks). */
const INIT_ONLY_FORBIDDEN = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

function validateContainers(containers: Container[], path: string, seen: Set<string>, init = false): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!c.name) errs.push(required(`${at}.name`));
    else {
      errs.push(...dns1123Label(`${at}.name`, c.name));
      // An init container's duplicate name is reported after its common checks, as validateInitContainers does.
      if (!init && seen.has(c.name)) errs.push(duplicate(`${at}.name`, c.name));
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
    if (!init) errs.push(...validateProbes(c, at));
    else {
      const restart = (c as { restartPolicy?: string }).restartPolicy;
      // validateInitContainerRestartPolicy: Always (a sidecar) is the only value; sidecars are not modelled.
      if (restart !== undefined && restart !== 'Always') errs.push(unsupported(`${at}.restartPolicy`, restart, ['Always']));
      if (restart === 'Always') errs.push(forbiddenField(`${at}.restartPolicy`, 'sidecar containers (restartPolicy: Always) are not supported in this sandbox'));
      if (c.name && seen.has(c.name)) errs.push(duplicate(`${at}.name`, c.name));
      if ((c as { lifecycle?: unknown }).lifecycle !== undefined) errs.push(forbiddenField(`${at}.lifecycle`, 'may not be set for init containers without restartPolicy=Always'));
      for (const f of INIT_ONLY_FORBIDDEN) if (c[f]) errs.push(forbiddenField(`${at}.${f}`, 'may not be set for init containers without restartPolicy=Always'));
    }
    if (c.name) seen.add(c.name);
  });
  return errs;
}
