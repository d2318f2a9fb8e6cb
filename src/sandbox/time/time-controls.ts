/**
 * The clock controls in a sandbox's toolbar: the cluster-time readout with its speed, and
 * pause, play (1×), fast-forward and step buttons. The speed buttons carry aria-pressed; a
 * step is announced politely ("Jumped 1.8 s to 09:00:02").
 */
import { FAST_SPEED, type SandboxControllerImpl } from '../controller-impl.ts';
import { h, icon, ICONS } from '../chrome/dom.ts';
import { formatClockTime, formatDuration, speedLabel } from './format.ts';

/** TimeHost is what the controls need from the controller. */
export type TimeHost = Pick<SandboxControllerImpl, 'session' | 'speed' | 'setSpeed' | 'step' | 'onChange'>;

/** mountTimeControls adds the clock readout and buttons to `toolbar`; it returns a cleanup. */
export function mountTimeControls(toolbar: HTMLElement, host: TimeHost): () => void {
  const time = h('span', { class: 'sandbox__clock-time' }, '--:--:--');
  const speed = h('span', { class: 'sandbox__clock-speed' }, '');
  const readout = h('span', { class: 'sandbox__clock', title: 'Cluster time (UTC) and speed' }, h('span', { class: 'visually-hidden' }, 'Cluster time '), time, ' ', speed);
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const button = (label: string, svg: string, pressed: boolean | undefined) =>
    h('button', { type: 'button', class: 'sandbox__button sandbox__button--icon', 'aria-label': label, title: label, 'aria-pressed': pressed === undefined ? undefined : String(pressed) }, icon(svg));
  const pause = button('Pause the cluster clock', ICONS.pause, false);
  const play = button('Play at normal speed', ICONS.play, true);
  const fast = button(`Fast-forward at ${FAST_SPEED}× speed`, ICONS.fast, false);
  const step = button('Step to the next scheduled event', ICONS.step, undefined);
  const group = h('div', { class: 'sandbox__time', role: 'group', 'aria-label': 'Cluster clock' }, readout, pause, play, fast, step, status);
  toolbar.append(group);

  const speeds: [HTMLButtonElement, number][] = [
    [pause, 0],
    [play, 1],
    [fast, FAST_SPEED],
  ];
  let shownTime = '';
  let shownSpeed = -1;
  const render = () => {
    const t = formatClockTime(host.session.cluster.now());
    if (t !== shownTime) time.textContent = shownTime = t;
    const s = host.speed;
    if (s !== shownSpeed) {
      shownSpeed = s;
      speed.textContent = speedLabel(s);
      for (const [b, value] of speeds) b.setAttribute('aria-pressed', String(s === value));
      group.dataset.speed = String(s);
    }
  };
  const announce = (text: string) => {
    // Re-set the text so the same message is announced again.
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = text));
  };

  for (const [b, value] of speeds) {
    b.addEventListener('click', () => {
      host.setSpeed(value);
      render();
      announce(value === 0 ? 'Cluster clock paused.' : `Cluster clock running at ${speedLabel(value)}.`);
    });
  }
  step.addEventListener('click', () => {
    const result = host.step();
    render();
    announce(result.stepped ? `Jumped ${formatDuration(result.to - result.from)} to ${formatClockTime(result.to)}. The clock is paused.` : 'Nothing is scheduled: the cluster is idle. The clock is paused.');
  });

  render();
  const off = host.onChange(render);
  return () => {
    off();
    group.remove();
  };
}
