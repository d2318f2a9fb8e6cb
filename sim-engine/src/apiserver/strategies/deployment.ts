/**
 * The Deployment strategy (pkg/registry/apps/deployment): apps/v1 defaults, ValidateDeploymentSpec
 * with upstream's field paths and wording, and an immutable selector.
 */
import type { Deployment, IntOrString } from '../../api/apps.ts';
import { defaultDeployment } from '../defaults/apps.ts';
import type { FieldError } from '../errors.ts';
import { forbiddenField, invalidValue, required } from '../validation/field.ts';
import type { Strategy } from './strategy.ts';
import { immutableSelector, nonNegative, validateSelectorAndTemplate } from './replicaset.ts';

const PERCENT = /^[0-9]+%$/;
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** deploymentStrategy admits Deployments. */
export const deploymentStrategy: Strategy<Deployment> = {
  hasGeneration: true,
  defaults: (d) => defaultDeployment(d),
  prepareForCreate: (d) => ({ ...d, status: {} }),
  validate(d) {
    const spec = d.spec;
    const errs: FieldError[] = [
      ...nonNegative('spec.replicas', spec.replicas),
      ...validateSelectorAndTemplate(spec.selector, spec.template),
      ...validateStrategy(spec.strategy),
      ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
      ...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ];
    const deadline = spec.progressDeadlineSeconds;
    if (typeof deadline === 'number') {
      errs.push(...nonNegative('spec.progressDeadlineSeconds', deadline));
      if (deadline <= (spec.minReadySeconds ?? 0)) errs.push(invalidValue('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
    }
    return errs;
  },
  validateUpdate: (d, old) => immutableSelector(d.spec.selector, old.spec.selector),
};

/** goIntOrString renders an intstr.IntOrString value as %#v does in field errors. */
export function goIntOrString(v: IntOrString | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

function validateStrategy(strategy: Deployment['spec']['strategy']): FieldError[] {
  const s = strategy ?? {};
  if (s.type === 'Recreate') {
    return s.rollingUpdate ? [forbiddenField('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type === 'RollingUpdate') {
    if (!s.rollingUpdate) return [required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')];
    return validateRollingUpdate(s.rollingUpdate.maxSurge, s.rollingUpdate.maxUnavailable);
  }
  const ru = s.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000a1e2c0)' : '(*apps.RollingUpdateDeployment)(nil)';
  return [
    {
      field: 'spec.strategy',
      detail: `Unsupported value: apps.DeploymentStrategy{Type:${JSON.stringify(s.type ?? '')}, RollingUpdate:${ru}}: supported values: "Recreate", "RollingUpdate"`,
    },
  ];
}

function validateRollingUpdate(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined): FieldError[] {
  const errs = [...positiveIntOrPercent('spec.strategy.rollingUpdate.maxUnavailable', maxUnavailable), ...positiveIntOrPercent('spec.strategy.rollingUpdate.maxSurge', maxSurge)];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errs.push({ field: 'spec.strategy.rollingUpdate.maxUnavailable', detail: `Invalid value: ${goIntOrString(maxUnavailable)}: may not be 0 when \`maxSurge\` is 0` });
  }
  const pct = percentValue(maxUnavailable);
  if (pct !== undefined && pct > 100) {
    errs.push({ field: 'spec.strategy.rollingUpdate.maxUnavailable', detail: `Invalid value: ${goIntOrString(maxUnavailable)}: must not be greater than 100%` });
  }
  return errs;
}

/** positiveIntOrPercent is ValidatePositiveIntOrPercent. */
export function positiveIntOrPercent(field: string, v: IntOrString | undefined): FieldError[] {
  if (typeof v === 'string') return PERCENT.test(v) ? [] : [{ field, detail: `Invalid value: ${goIntOrString(v)}: ${PERCENT_MSG}` }];
  return nonNegative(field, v);
}

/** percentValue is getPercentValue: the number of a valid percentage, else undefined. */
export function percentValue(v: IntOrString | undefined): number | undefined {
  return typeof v === 'string' && PERCENT.test(v) ? Number(v.slice(0, -1)) : undefined;
}

/** intOrPercentValue is getIntOrPercentValue: the percentage's number, or IntValue() (Atoi of a bad string is 0). */
export function intOrPercentValue(v: IntOrString | undefined): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
  return v ?? 0;
}
