/**
 * The DaemonSet strategy (pkg/registry/apps/daemonset): apps/v1 defaults, ValidateDaemonSetSpec,
 * an immutable selector, and the template generation. The internal `spec.templateGeneration`
 * reaches apps/v1 clients as the `deprecated.daemonset.template.generation` annotation: 1 on
 * create, one more whenever an update changes the template.
 */
import { DAEMONSET_TEMPLATE_GENERATION as TEMPLATE_GENERATION, type DaemonSet } from '../../api/apps.ts';
import { jsonEqual } from '../../util/json-equal.ts';
import { defaultDaemonSet } from '../defaults/daemonset.ts';
import { validateDaemonSetSpec } from '../validation/daemonset.ts';
import { immutableSelector } from './replicaset.ts';
import type { Strategy, StrategyContext } from './strategy.ts';

/** daemonSetStrategy admits DaemonSets. */
export const daemonSetStrategy: Strategy<DaemonSet> = {
  hasGeneration: true,
  defaults: (ds, ctx) => withTemplateGeneration(defaultDaemonSet(ds), ctx),
  prepareForCreate: (ds) => ({ ...ds, status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 } }),
  validate: (ds) => validateDaemonSetSpec(ds),
  validateUpdate: (ds, old) => immutableSelector(ds.spec.selector, old.spec.selector),
};

/**
 * withTemplateGeneration sets the template generation annotation (PrepareForCreate and
 * PrepareForUpdate): the strategy hooks see no old object on update, so it is read from the store.
 */
function withTemplateGeneration(ds: DaemonSet, ctx: StrategyContext): DaemonSet {
  const name = ds.metadata?.name;
  const old = name ? (ctx.store.get('DaemonSet', ds.metadata.namespace || 'default', name) as DaemonSet | undefined) : undefined;
  let generation = 1;
  if (old) {
    const was = Number(old.metadata.annotations?.[TEMPLATE_GENERATION] ?? 1) || 1;
    generation = jsonEqual(old.spec.template, ds.spec.template) ? was : was + 1;
  }
  return { ...ds, metadata: { ...ds.metadata, annotations: { ...ds.metadata?.annotations, [TEMPLATE_GENERATION]: String(generation) } } };
}
