/**
 * The chaos bar, shown only in lessons that enable it (`<Sandbox chaos />`): buttons with which
 * the world acts on the cluster (a pod deleted, a node stopped, an image broken), each done
 * through the API server as `chaos-monkey` so the event panel shows it.
 */
import type { SandboxController } from '../controller.ts';
import { h } from '../chrome/dom.ts';
import { NOTE_EVENT, type TimelineEntry } from '../events/timeline.ts';
import type { ChaosOptions } from './options.ts';
import { breakImage, CHAOS_ACTOR, deleteRandomPod, nodePower, startStoppedNodes, stoppedNodes, stopRandomNode, type ChaosResult } from './chaos.ts';

/** ChaosHost is what the bar needs: the controller and a reset subscription. */
export type ChaosHost = Pick<SandboxController, 'session'> & { onReset(listener: () => void): () => void };

/** mountChaosControls fills `el` with the chaos bar; it returns a cleanup. */
export function mountChaosControls(el: HTMLElement, host: ChaosHost, options: ChaosOptions = { deletePod: true, stopNode: true, breakImage: true }): () => void {
  const stopped = new Set<string>();
  const status = h('span', { class: 'sandbox__chaos-status', role: 'status', 'aria-live': 'polite' });
  const act = (fn: () => ChaosResult) => () => {
    let result: ChaosResult;
    try {
      result = fn();
    } catch (e) {
      result = { ok: false, message: `That did not work: ${e instanceof Error ? e.message : String(e)}` };
    }
    status.textContent = result.message;
    status.classList.toggle('sandbox__chaos-status--idle', !result.ok);
    // Switching a node off or on is not an API write, so the event panel is told directly.
    const time = host.session.cluster.now();
    const note = (action: string, node: string) =>
      el.dispatchEvent(new CustomEvent<Omit<TimelineEntry, 'id'>>(NOTE_EVENT, { bubbles: true, detail: { time, actor: CHAOS_ACTOR, action, object: `node/${node}`, name: node, namespace: '', warning: true } }));
    if (result.node) note('stopped', result.node);
    for (const n of result.nodes ?? []) note('started', n);
    refresh();
  };
  const button = (label: string, title: string, fn: () => ChaosResult) => {
    const b = h('button', { type: 'button', class: 'sandbox__button sandbox__button--chaos', title }, label);
    b.addEventListener('click', act(fn));
    return b;
  };
  const cluster = () => host.session.cluster;
  const buttons: HTMLButtonElement[] = [];
  if (options.deletePod) buttons.push(button('Delete a pod', 'Delete a random pod outside kube-system, as a failure would', () => deleteRandomPod(cluster())));
  if (options.breakImage) buttons.push(button('Break an image', "Set a Deployment's image to a tag that does not exist", () => breakImage(cluster())));
  const power = nodePower(cluster());
  let startButton: HTMLButtonElement | undefined;
  if (power && options.stopNode) {
    buttons.push(button('Stop a node', 'Stop a random worker node', () => stopRandomNode(cluster(), nodePower(cluster())!, stopped)));
    startButton = button('Start nodes', 'Start the nodes chaos stopped', () => startStoppedNodes(cluster(), nodePower(cluster())!, stopped));
    buttons.push(startButton);
  }
  const refresh = () => {
    const p = nodePower(cluster());
    if (startButton && p) startButton.disabled = stoppedNodes(cluster(), p, stopped).length === 0;
  };
  el.classList.add('sandbox__chaos');
  el.setAttribute('role', 'group');
  el.setAttribute('aria-label', 'Chaos');
  el.hidden = false;
  el.replaceChildren(h('span', { class: 'sandbox__chaos-label', 'aria-hidden': 'true' }, 'Chaos'), ...buttons, status);
  refresh();
  const off = host.onReset(() => {
    stopped.clear();
    status.textContent = '';
    refresh();
  });
  return () => {
    off();
    el.replaceChildren();
    el.hidden = true;
  };
}
