/**
 * ValidateDaemonSetSpec (pkg/apis/apps/validation), with upstream's field paths and wording.
 * The selector and template checks reuse what ReplicaSets and Deployments use; what differs
 * is DaemonSet's own: a nil selector only fails to match the template, an empty one is
 * "invalid for daemonset", activeDeadlineSeconds is Forbidden, and the update strategy allows
 * exactly one of maxUnavailable and maxSurge to be non-zero.
 */
import type { DaemonSet, DaemonSetUpdateStrategy, IntOrString } from '../../api/apps.ts';
import type { FieldError } from '../errors.ts';
import { goLabelSelector, goStringMap, isEmptyLabelSelector, labelSelectorAsSelector, selectorMatches } from '../label-selector.ts';
import { goIntOrString, intOrPercentValue, percentValue, positiveIntOrPercent } from '../strategies/deployment.ts';
import { nonNegative, templateLabelErrors, validateLabelSelector } from '../strategies/replicaset.ts';
import { forbiddenField, required, unsupported } from './field.ts';
import { validatePodSpec } from './pod.ts';

const RU = 'spec.updateStrategy.rollingUpdate';

/** validateDaemonSetSpec returns the field errors of a (defaulted) DaemonSet's spec. */
export function validateDaemonSetSpec(ds: DaemonSet): FieldError[] {
  const spec = ds.spec ?? ({} as DaemonSet['spec']);
  const { selector, template } = spec;
  const errs: FieldError[] = [];
  if (selector) errs.push(...validateLabelSelector(selector));
  const converted = labelSelectorAsSelector(selector);
  const labels = template?.metadata?.labels;
  // A nil selector selects nothing, so it never matches; `{}` selects everything.
  if ((!selector || converted) && (!converted || converted.length > 0) && !selectorMatches(converted, labels)) {
    errs.push({ field: 'spec.template.metadata.labels', detail: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\`` });
  }
  if (selector && isEmptyLabelSelector(selector)) {
    errs.push({ field: 'spec.selector', detail: `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for daemonset` });
  }
  errs.push(...templateLabelErrors(labels));
  errs.push(...validatePodSpec(template?.spec, 'spec.template.spec'));
  const restartPolicy = template?.spec?.restartPolicy;
  if (restartPolicy !== 'Always') errs.push(unsupported('spec.template.spec.restartPolicy', restartPolicy ?? '', ['Always']));
  const deadline = (template?.spec as { activeDeadlineSeconds?: number } | undefined)?.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) {
    errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}

/** validateUpdateStrategy is ValidateDaemonSetUpdateStrategy. */
function validateUpdateStrategy(s: DaemonSetUpdateStrategy | undefined): FieldError[] {
  const strategy = s ?? {};
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type === 'RollingUpdate') {
    if (!strategy.rollingUpdate) return [required(RU)];
    return validateRollingUpdate(strategy.rollingUpdate.maxUnavailable, strategy.rollingUpdate.maxSurge);
  }
  const ru = strategy.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000a1e2c0)' : '(*apps.RollingUpdateDaemonSet)(nil)';
  return [
    {
      field: 'spec.updateStrategy',
      detail: `Unsupported value: apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(strategy.type ?? '')}, RollingUpdate:${ru}}: supported values: "RollingUpdate", "OnDelete"`,
    },
  ];
}

/** validateRollingUpdate is ValidateRollingUpdateDaemonSet: exactly one of maxUnavailable and maxSurge is non-zero. */
function validateRollingUpdate(maxUnavailable: IntOrString | undefined, maxSurge: IntOrString | undefined): FieldError[] {
  const errs = [...positiveIntOrPercent(`${RU}.maxUnavailable`, maxUnavailable), ...positiveIntOrPercent(`${RU}.maxSurge`, maxSurge)];
  for (const [name, v] of [['maxUnavailable', maxUnavailable], ['maxSurge', maxSurge]] as const) {
    const pct = percentValue(v);
    if (pct !== undefined && pct > 100) errs.push({ field: `${RU}.${name}`, detail: `Invalid value: ${goIntOrString(v)}: must not be greater than 100%` });
  }
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push({ field: `${RU}.maxSurge`, detail: `Invalid value: ${goIntOrString(maxSurge)}: may not be set when maxUnavailable is non-zero` });
  else if (!hasUnavailable && !hasSurge) errs.push(required(`${RU}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}
