/**
 * The ReplicaSet strategy (pkg/registry/apps/replicaset): apps/v1 defaults, ValidateReplicaSetSpec
 * and an immutable selector. The selector/template checks are shared with Deployments, whose
 * validation calls the same ValidatePodTemplateSpecForReplicaSet.
 */
import type { PodTemplateSpec, ReplicaSet } from '../../api/apps.ts';
import type { LabelSelector } from '../../api/meta.ts';
import { defaultReplicaSet } from '../defaults/apps.ts';
import type { FieldError } from '../errors.ts';
import { goLabelSelector, goStringMap, isEmptyLabelSelector, labelSelectorAsSelector, sameLabelSelector, selectorMatches } from '../label-selector.ts';
import { forbiddenField, invalidValue, required, unsupported } from '../validation/field.ts';
import { validateMeta } from '../validation/meta.ts';
import { validatePodSpec } from '../validation/pod.ts';
import type { Strategy } from './strategy.ts';

/** replicaSetStrategy admits ReplicaSets. */
export const replicaSetStrategy: Strategy<ReplicaSet> = {
  hasGeneration: true,
  defaults: (rs) => defaultReplicaSet(rs),
  prepareForCreate: (rs) => ({ ...rs, status: { replicas: 0 } }),
  validate(rs) {
    const spec = rs.spec;
    return [
      ...nonNegative('spec.replicas', spec.replicas),
      ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
      ...validateSelectorAndTemplate(spec.selector, spec.template),
    ];
  },
  validateUpdate: (rs, old) => immutableSelector(rs.spec.selector, old.spec.selector),
};

/** nonNegative is ValidateNonnegativeField: `Invalid value: -1: must be greater than or equal to 0`. */
export function nonNegative(field: string, value: number | undefined): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalidValue(field, value, 'must be greater than or equal to 0')] : [];
}

/** validateSelectorAndTemplate checks a required, non-empty selector and a template it selects (ValidatePodTemplateSpecForReplicaSet). */
export function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(selector));
    if (isEmptyLabelSelector(selector)) {
      // Upstream ReplicaSet validation reuses the Deployment wording.
      errs.push({ field: 'spec.selector', detail: `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for deployment` });
    }
  }
  const converted = labelSelectorAsSelector(selector);
  if (selector && !converted) {
    errs.push({ field: 'spec.selector', detail: `Invalid value: ${goLabelSelector(selector)}: invalid label selector` });
    return errs;
  }
  const labels = template?.metadata?.labels;
  // A nil selector selects nothing, so it never matches; `{}` selects everything and is not checked.
  if (!converted || converted.length > 0) {
    if (!selectorMatches(converted, labels)) {
      errs.push({ field: 'spec.template.metadata.labels', detail: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\`` });
    }
  }
  errs.push(...templateLabelErrors(labels));
  errs.push(...validatePodSpec(template?.spec, 'spec.template.spec'));
  const restartPolicy = template?.spec?.restartPolicy;
  if (restartPolicy !== undefined && restartPolicy !== 'Always') {
    errs.push(unsupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  }
  const deadline = (template?.spec as { activeDeadlineSeconds?: number } | undefined)?.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) {
    errs.push(invalidValue('spec.template.spec.activeDeadlineSeconds', deadline, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** immutableSelector is ValidateImmutableField for spec.selector in apps/v1. */
export function immutableSelector(next: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  if (sameLabelSelector(next, old)) return [];
  const value = next ? goLabelSelector(next) : 'null';
  return [{ field: 'spec.selector', detail: `Invalid value: ${value}: field is immutable` }];
}

/** validateLabelSelector is ValidateLabelSelector at `spec.selector`: operators and their values. */
export function validateLabelSelector(sel: LabelSelector): FieldError[] {
  const errs: FieldError[] = [];
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const at = `spec.selector.matchExpressions[${i}]`;
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (!e.values?.length) errs.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (e.values?.length) errs.push(forbiddenField(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalidValue(`${at}.operator`, e.operator, 'not a valid selector operator'));
    }
  });
  return errs;
}

/** templateLabelErrors checks label syntax; ValidatePodTemplateSpec reports it at `spec.template.labels`. */
export function templateLabelErrors(labels: Record<string, string> | undefined): FieldError[] {
  if (!labels) return [];
  return validateMeta({ name: 'template', labels }, () => []).map((e) => ({ ...e, field: 'spec.template.labels' }));
}
