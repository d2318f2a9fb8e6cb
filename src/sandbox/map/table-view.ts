/**
 * TableView is the map's text alternative: a table listing what the picture shows (nodes,
 * pods, Services, ReplicaSets, Deployments), kept current with keyed row updates.
 */
import { SYSTEM_NAMESPACES, type ClusterModel } from './model.ts';

type Row = [kind: string, name: string, namespace: string, status: string, ready: string, where: string, owner: string];

const HEADINGS = ['Kind', 'Name', 'Namespace', 'Status', 'Ready', 'Node / pods', 'Owner'];

/** tableRows lists the model as table rows, keyed, in reading order. */
export function tableRows(model: ClusterModel, showSystem: boolean): [string, Row][] {
  const rows: [string, Row][] = [];
  const shown = (ns: string) => showSystem || !SYSTEM_NAMESPACES.has(ns);
  for (const n of model.nodes) rows.push([`node:${n.name}`, ['Node', n.name, '', n.status, '', n.controlPlane ? 'control plane' : 'worker', '']]);
  for (const d of model.deployments) if (shown(d.namespace)) rows.push([`deploy:${d.uid}`, ['Deployment', d.name, d.namespace, `${d.updated} up to date`, `${d.ready}/${d.desired}`, '', '']]);
  const deployments = new Map(model.deployments.map((d) => [d.uid, d.name]));
  for (const rs of model.replicaSets) {
    if (!shown(rs.namespace)) continue;
    rows.push([`rs:${rs.uid}`, ['ReplicaSet', rs.name, rs.namespace, rs.revision ? `revision ${rs.revision}` : '', `${rs.ready}/${rs.desired}`, '', rs.deployment ? `Deployment ${deployments.get(rs.deployment) ?? ''}` : '']]);
  }
  const podNames = new Map(model.pods.map((p) => [p.uid, p.name]));
  for (const s of model.services) {
    if (!shown(s.namespace)) continue;
    const names = s.pods.map((u) => podNames.get(u) ?? '').filter(Boolean);
    const pods = names.length === 0 ? (s.selector ? 'no pods' : '') : `${names.length} pod${names.length === 1 ? '' : 's'}: ${names.join(', ')}`;
    rows.push([`svc:${s.uid}`, ['Service', s.name, s.namespace, `${s.type} ${s.clusterIP}`, '', pods, '']]);
  }
  for (const p of model.pods) {
    if (p.system && !showSystem) continue;
    rows.push([`pod:${p.uid}`, ['Pod', p.name, p.namespace, p.status, p.ready, p.node ?? 'not scheduled', p.ownerName ? `${p.ownerKind} ${p.ownerName}` : '']]);
  }
  return rows;
}

/** TableView renders tableRows into a `<table>`. */
export class TableView {
  readonly el: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly rows = new Map<string, HTMLTableRowElement>();

  constructor() {
    this.el = document.createElement('div');
    this.el.className = 'wh-map__table';
    const table = document.createElement('table');
    table.innerHTML = `<caption>Objects in the cluster</caption><thead><tr>${HEADINGS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody></tbody>`;
    this.body = table.querySelector('tbody')!;
    this.el.append(table);
  }

  /** update brings the table to the model, reusing rows by key. */
  update(model: ClusterModel, showSystem: boolean): void {
    const next = tableRows(model, showSystem);
    const keep = new Set(next.map(([k]) => k));
    for (const [key, tr] of this.rows) {
      if (keep.has(key)) continue;
      tr.remove();
      this.rows.delete(key);
    }
    let before: ChildNode | null = this.body.firstChild;
    for (const [key, cells] of next) {
      let tr = this.rows.get(key);
      if (!tr) {
        tr = document.createElement('tr');
        cells.forEach((_, i) => tr!.append(document.createElement(i === 1 ? 'th' : 'td')));
        tr.firstElementChild!.nextElementSibling!.setAttribute('scope', 'row');
        this.rows.set(key, tr);
      }
      cells.forEach((text, i) => {
        const cell = tr!.children[i]!;
        if (cell.textContent !== text) cell.textContent = text;
      });
      if (tr === before) before = before.nextSibling;
      else this.body.insertBefore(tr, before);
    }
  }
}
