/**
 * Field paths for checks: `spec.template.spec.containers[name=nginx].image`,
 * `status.readyReplicas`, `spec.containers[0].ports[0].containerPort`,
 * `metadata.labels["app.kubernetes.io/name"]`. A path is dot-separated keys; brackets hold an
 * index, a quoted key, or a `key=value` filter that picks the first list entry whose `key`
 * field equals `value`.
 */

/** PathStep is one step of a parsed path. */
export type PathStep = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'match'; key: string; value: string };

/** parsePath parses a field path; a syntax error throws an Error that says where and what was expected. */
export function parsePath(text: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`bad path ${JSON.stringify(text)} at character ${i + 1}: expected ${what}`);
  };
  const quoted = (): string => {
    const q = text[i]!;
    const end = text.indexOf(q, i + 1);
    if (end < 0) fail(`a closing ${q}`);
    const s = text.slice(i + 1, end);
    i = end + 1;
    return s;
  };
  if (text.length === 0) fail('a field name');
  while (i < text.length) {
    if (text[i] === '[') {
      i++;
      if (text[i] === '"' || text[i] === "'") {
        steps.push({ kind: 'key', key: quoted() });
      } else {
        const close = text.indexOf(']', i);
        if (close < 0) fail('"]"');
        const inner = text.slice(i, close);
        const eq = inner.indexOf('=');
        if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
        else if (eq > 0) {
          let value = inner.slice(eq + 1);
          if (/^(".*"|'.*')$/.test(value)) value = value.slice(1, -1);
          steps.push({ kind: 'match', key: inner.slice(0, eq), value });
        } else fail('an index such as [0], a filter such as [name=web], or a quoted key such as ["app.kubernetes.io/name"]');
        i = close;
      }
      if (text[i] !== ']') fail('"]"');
      i++;
    } else {
      if (steps.length > 0) {
        if (text[i] !== '.') fail('"." or "["');
        i++;
      }
      const start = i;
      while (i < text.length && text[i] !== '.' && text[i] !== '[') i++;
      if (i === start) fail('a field name');
      const key = text.slice(start, i);
      if (key.includes(']')) fail('a field name');
      steps.push({ kind: 'key', key });
    }
  }
  return steps;
}

/** formatSteps writes steps back as path text. */
export function formatSteps(steps: readonly PathStep[]): string {
  let out = '';
  for (const s of steps) {
    if (s.kind === 'index') out += `[${s.index}]`;
    else if (s.kind === 'match') out += `[${s.key}=${s.value}]`;
    else if (/^[^.[\]"']+$/.test(s.key)) out += out ? `.${s.key}` : s.key;
    else out += `[${JSON.stringify(s.key)}]`;
  }
  return out;
}

/** Resolved is a value found at a path, or why there is none. */
export type Resolved = { found: true; value: unknown } | { found: false; reason: string };

/** resolvePath follows `steps` into `root`; when a step finds nothing, `reason` says which and what was there instead. */
export function resolvePath(root: unknown, steps: readonly PathStep[]): Resolved {
  let cur: unknown = root;
  for (let n = 0; n < steps.length; n++) {
    const step = steps[n]!;
    const here = formatSteps(steps.slice(0, n)) || 'the object';
    const next = formatSteps(steps.slice(0, n + 1));
    if (step.kind === 'key') {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return { found: false, reason: `${here} is ${describeValue(cur)}, so it has no field ${JSON.stringify(step.key)}` };
      const obj = cur as Record<string, unknown>;
      if (!Object.hasOwn(obj, step.key) || obj[step.key] === undefined) return { found: false, reason: `${next} is not set` };
      cur = obj[step.key];
      continue;
    }
    if (!Array.isArray(cur)) return { found: false, reason: `${here} is ${describeValue(cur)}, not a list` };
    if (step.kind === 'index') {
      if (step.index >= cur.length) return { found: false, reason: `${here} has ${cur.length} ${cur.length === 1 ? 'entry' : 'entries'}, so there is no [${step.index}]` };
      cur = cur[step.index];
      continue;
    }
    const hit = cur.find((e) => e !== null && typeof e === 'object' && String((e as Record<string, unknown>)[step.key]) === step.value);
    if (hit === undefined) {
      const seen = cur.map((e) => (e !== null && typeof e === 'object' ? (e as Record<string, unknown>)[step.key] : undefined)).filter((v) => v !== undefined);
      const listed = seen.length ? ` (${step.key}: ${seen.map((v) => String(v)).join(', ')})` : '';
      return { found: false, reason: `no entry of ${here} has ${step.key}=${step.value}${listed}` };
    }
    cur = hit;
  }
  return { found: true, value: cur };
}

/** describeValue names a value's type for messages: "a number", "a list", "not set". */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'not set';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}
