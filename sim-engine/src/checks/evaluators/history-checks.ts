/** Evaluators of the history checks: availableNeverBelow, replacedByController, rolledBackTo and createdBy. */
import type { Deployment } from '../../api/apps.ts';
import { matchesSelector } from '../../apiserver/selectors.ts';
import type { CheckHistory, DeploymentSample } from '../history.ts';
import type { Check } from '../schema/check.ts';
import { selectorText, toSelector } from '../selector.ts';
import { templateImages, templateKey } from '../template.ts';
import { namespaced, notFound, ref, seconds } from '../words.ts';
import { fail, pass, type Outcome, type View } from './outcome.ts';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

const NO_HISTORY = "this check needs the cluster's recorded history (a CheckHistory started when grading began)";

function complete(s: DeploymentSample): boolean {
  return !s.deleted && s.observedGeneration >= s.generation && s.updated === s.replicas && s.current === s.replicas && s.available === s.replicas;
}

/** evaluateAvailableNeverBelow: a rollout happened, finished, and kept at least `min` replicas available throughout. */
export function evaluateAvailableNeverBelow(view: View, c: Of<'availableNeverBelow'>, history: CheckHistory | undefined): Outcome {
  if (!history) return fail(NO_HISTORY);
  const who = ref('Deployment', c.deployment);
  if (!view.api.tryGet('Deployment', c.namespace, c.deployment)) return fail(notFound('Deployment', c.deployment, c.namespace));
  const samples = history.deploymentSamples(c.namespace, c.deployment);
  const changes = samples.map((s, i) => (i > 0 && s.template !== samples[i - 1]!.template ? i : -1)).filter((i) => i >= 0);
  if (!changes.length) return fail(`no rollout of ${who} has happened yet: change its pod template (for example its image) to start one`);
  const first = changes[0]!;
  const last = changes.at(-1)!;
  let end = samples.findIndex((s, i) => i >= last && complete(s));
  const finished = end >= 0;
  if (!finished) end = samples.length - 1;
  const window = samples.slice(first, end + 1);
  const lowest = window.reduce((lo, s) => (s.available < lo.available ? s : lo), window[0]!);
  const began = samples[first]!.time;
  if (lowest.available < c.min) {
    return fail(`during the rollout of ${who}, available replicas dropped to ${lowest.available} (${seconds(lowest.time - began)} after it began), below ${c.min}`);
  }
  if (!finished) {
    const now = samples.at(-1)!;
    return fail(`the rollout of ${who} has not finished yet: ${now.updated}/${now.replicas} replicas updated, ${now.available} available`);
  }
  return pass(`${who} rolled out to ${samples[end]!.images} with never fewer than ${c.min} available replicas (lowest: ${lowest.available})`);
}

/** evaluateReplacedByController: after a matching pod was deleted, the controller created a matching pod and nobody else did. */
export function evaluateReplacedByController(view: View, c: Of<'replacedByController'>, history: CheckHistory | undefined): Outcome {
  void view;
  if (!history) return fail(NO_HISTORY);
  const sel = toSelector(c.selector);
  const text = selectorText(c.selector);
  const recs = history.pods.filter((r) => r.namespace === c.namespace && matchesSelector(sel, r.labels));
  const deletion = recs.find((r) => r.event !== 'created');
  if (!deletion) return fail(`no pod with ${text} has been deleted yet in namespace ${c.namespace}`);
  const after = recs.filter((r) => r.event === 'created' && r.rv > deletion.rv);
  const byHand = after.find((r) => r.actor !== undefined && r.actor !== c.controller);
  if (byHand) {
    return fail(`pod ${byHand.name} was created by ${byHand.actor} after pod ${deletion.name} was deleted: the replacement must come from the ${c.controller}, not be created by hand`);
  }
  const replacement = after.find((r) => r.actor === c.controller);
  if (!replacement) return fail(`pod ${deletion.name} was deleted, but the ${c.controller} has not created a pod with ${text} since`);
  return pass(`pod ${replacement.name} was created by the ${c.controller} to replace pod ${deletion.name}`);
}

/** evaluateRolledBackTo: the Deployment's pod template equals revision N's, as recorded from its ReplicaSets. */
export function evaluateRolledBackTo(view: View, c: Of<'rolledBackTo'>, history: CheckHistory | undefined): Outcome {
  if (!history) return fail(NO_HISTORY);
  const d = view.api.tryGet<Deployment>('Deployment', c.namespace, c.deployment);
  const who = ref('Deployment', c.deployment);
  if (!d) return fail(notFound('Deployment', c.deployment, c.namespace));
  const revs = history.revisions(c.namespace, c.deployment);
  const target = revs.find((r) => r.revision === c.revision);
  if (!target) {
    return fail(revs.length ? `revision ${c.revision} of ${who} is not known; its recorded revisions are ${revs.map((r) => r.revision).join(', ')}` : `${who} has no recorded revisions yet`);
  }
  const current = templateKey(d.spec.template);
  if (current === target.template) return pass(`${who}'s pod template is revision ${c.revision}'s (${target.images})`);
  const images = templateImages(d.spec.template);
  const same = revs.filter((r) => r.template === current).at(-1);
  const which = same ? ` (the template of revision ${same.revision})` : '';
  if (images === target.images) return fail(`${who}'s pod template differs from revision ${c.revision}'s${which}, though both run ${images}`);
  return fail(`${who} runs ${images}${which}, not revision ${c.revision}'s template (${target.images})`);
}

/** evaluateCreatedBy: the audit log says who created the object. */
export function evaluateCreatedBy(view: View, c: Of<'createdBy'>, history: CheckHistory | undefined): Outcome {
  if (!history) return fail(NO_HISTORY);
  const who = ref(c.kind, c.name);
  if (!view.api.tryGet(c.kind, c.namespace, c.name)) return fail(notFound(c.kind, c.name, c.namespace));
  const ns = namespaced(c.kind) ? c.namespace : '';
  const w = [...history.writes].reverse().find((w) => w.verb === 'create' && w.kind === c.kind && w.name === c.name && w.namespace === ns);
  if (!w) return fail(`there is no record of who created ${who}`);
  const ok = c.by === 'controller' ? /-controller$/.test(w.actor) : w.actor === c.by;
  if (ok) return pass(`${who} was created by ${w.actor}`);
  return fail(`${who} was created by ${w.actor}, not by ${c.by === 'controller' ? 'a controller' : c.by}`);
}
