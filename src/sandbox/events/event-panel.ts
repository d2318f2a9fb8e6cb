/**
 * The event panel: a collapsible list of what just happened in the cluster, in control-plane
 * terms, newest last, grouped per instant, filterable by object name. It follows the API
 * server's audit log and the cluster's Events through the controller's onChange.
 */
import { RESOURCES, type Event, type KubeObject } from '@wheelhouse/sim-engine';
import type { SandboxController } from '../controller.ts';
import { h, icon, ICONS, uniqueId } from '../chrome/dom.ts';
import { formatClockTime } from '../time/format.ts';
import { filterByName, groupByInstant, NOTE_EVENT, sentence, Timeline, type TimelineEntry } from './timeline.ts';

/** mountEvents fills `el` with the event panel for the controller's current session; it returns a cleanup. */
export function mountEvents(el: HTMLElement, controller: SandboxController): () => void {
  const session = controller.session;
  const api = session.cluster.api;
  const timeline = new Timeline();
  timeline.seed(api.list<Event>('Event'));
  timeline.startAt(api.audit);
  const lookup = (kind: string, ns: string, name: string) => api.tryGet<KubeObject>(kind, ns, name);
  const unwatch = RESOURCES.map((r) => session.cluster.store.watch(r.kind, (e) => timeline.observe(e)));

  const bodyId = uniqueId('events');
  const count = h('span', { class: 'sandbox__badge', hidden: true });
  const toggle = h('button', { type: 'button', class: 'sandbox__events-toggle', 'aria-expanded': 'false', 'aria-controls': bodyId }, icon(ICONS.chevron), h('span', {}, 'Events'), count);
  const filterId = uniqueId('events-filter');
  const filter = h('input', { type: 'search', id: filterId, class: 'sandbox__events-filter', placeholder: 'e.g. web', autocomplete: 'off', spellcheck: 'false' });
  const list = h('ol', { class: 'sandbox__events-list', 'aria-label': 'What happened, oldest first' });
  const empty = h('p', { class: 'sandbox__events-empty' }, 'Nothing has happened yet. Run a command, or let time pass.');
  const body = h(
    'div',
    { class: 'sandbox__events-body', id: bodyId, hidden: true },
    h('div', { class: 'sandbox__events-tools' }, h('label', { for: filterId }, 'Filter by name'), filter),
    list,
    empty,
  );
  el.classList.add('sandbox__events');
  el.replaceChildren(h('div', { class: 'sandbox__events-bar' }, toggle), body);

  let unseen = 0;
  let renderedKey = '';
  const open = () => toggle.getAttribute('aria-expanded') === 'true';

  const render = () => {
    const shown = filterByName(timeline.entries, filter.value);
    const last = timeline.entries[timeline.entries.length - 1];
    const key = `${timeline.entries.length}:${last?.id ?? ''}:${filter.value}`;
    if (key === renderedKey) return;
    renderedKey = key;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
    list.replaceChildren(...groupByInstant(shown).map((g) => h('li', { class: 'sandbox__instant' }, h('time', { datetime: new Date(g.time).toISOString() }, formatClockTime(g.time)), h('ul', {}, ...g.entries.map(entryItem)))));
    empty.hidden = shown.length > 0;
    list.hidden = shown.length === 0;
    empty.textContent = timeline.entries.length === 0 ? 'Nothing has happened yet. Run a command, or let time pass.' : 'No events match that name.';
    if (atBottom) list.scrollTop = list.scrollHeight;
  };

  const update = (note?: Omit<TimelineEntry, 'id'>) => {
    const before = timeline.entries.length === 0 ? '' : timeline.entries[timeline.entries.length - 1]!.id;
    let added = timeline.ingest(api.audit, lookup);
    if (note) {
      timeline.note(note);
      added = true;
    }
    if (!added) return;
    if (open()) render();
    else {
      const idx = timeline.entries.findIndex((e) => e.id === before);
      unseen += idx < 0 ? timeline.entries.length : timeline.entries.length - 1 - idx;
      count.textContent = unseen > 99 ? '99+' : String(unseen);
      count.hidden = unseen === 0;
      count.setAttribute('aria-label', `${unseen} new`);
    }
  };

  toggle.addEventListener('click', () => {
    const next = !open();
    toggle.setAttribute('aria-expanded', String(next));
    body.hidden = !next;
    el.classList.toggle('sandbox__events--open', next);
    if (next) {
      unseen = 0;
      count.hidden = true;
      renderedKey = '';
      render();
      list.scrollTop = list.scrollHeight;
    }
  });
  filter.addEventListener('input', render);
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && filter.value !== '') {
      e.preventDefault();
      filter.value = '';
      render();
    }
  });

  // Chaos reports what is not an API write (a node switched off) with a note event.
  const host = el.closest('wh-sandbox') ?? el;
  const onNote = (e: globalThis.Event) => update((e as CustomEvent<Omit<TimelineEntry, 'id'>>).detail);
  host.addEventListener(NOTE_EVENT, onNote);

  render();
  const off = controller.onChange(() => update());
  return () => {
    off();
    host.removeEventListener(NOTE_EVENT, onNote);
    for (const stop of unwatch) stop();
    el.replaceChildren();
  };
}

function entryItem(e: TimelineEntry): HTMLLIElement {
  const item = h('li', { class: `sandbox__event${e.warning ? ' sandbox__event--warning' : ''}`, title: sentence(e) });
  item.append(h('span', { class: 'sandbox__event-actor' }, e.actor), ' ');
  if (e.detail === undefined) {
    item.append(`${e.action} `, h('span', { class: 'sandbox__event-object' }, e.object));
    if (e.note) item.append(` (${e.note})`);
  } else {
    item.append(h('span', { class: 'sandbox__event-object' }, e.object), h('span', { class: 'visually-hidden' }, ','), ' ', h('span', { class: 'sandbox__event-reason' }, e.action), ' ', e.detail);
    if (e.count && e.count > 1) item.append(h('span', { class: 'sandbox__event-count' }, ` ×${e.count}`));
  }
  return item;
}
