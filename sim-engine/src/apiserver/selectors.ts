/**
 * Label selectors: parsing kubectl's `-l` syntax and matching, with apimachinery's semantics
 * (`!=` and `notin` also match objects that lack the key).
 */

/** Requirement is one term of a selector. */
export interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

/** Selector is a conjunction of requirements; the empty selector matches everything. */
export type Selector = Requirement[];

/** selectorFromMap turns matchLabels-style equality into a selector. */
export function selectorFromMap(labels: Record<string, string> | undefined): Selector {
  return Object.entries(labels ?? {}).map(([key, v]) => ({ key, op: 'in' as const, values: [v] }));
}

/** matchesSelector tells whether labels satisfy every requirement. */
export function matchesSelector(sel: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return sel.every((r) => {
    const has = Object.hasOwn(l, r.key);
    switch (r.op) {
      case 'in':
        return has && r.values.includes(l[r.key]!);
      case 'notin':
        return !has || !r.values.includes(l[r.key]!);
      case 'exists':
        return has;
      case '!':
        return !has;
    }
  });
}

/** parseSelector parses `app=web,tier!=db,env in (a,b),!legacy`; it throws an Error with apimachinery's message on bad syntax. */
export function parseSelector(text: string): Selector {
  const out: Selector = [];
  let i = 0;
  const s = text;
  const skip = () => {
    while (s[i] === ' ') i++;
  };
  const ident = (): string => {
    skip();
    const start = i;
    while (i < s.length && !' ,=!()'.includes(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skip();
    if (s[i] === '!') {
      i++;
      const key = ident();
      if (!key) throw new Error(`found '${s[i] ?? ''}', expected: identifier`);
      out.push({ key, op: '!', values: [] });
    } else {
      const key = ident();
      if (!key) throw new Error(`found '${s[i] ?? ''}', expected: identifier`);
      skip();
      if (s.startsWith('!=', i)) {
        i += 2;
        out.push({ key, op: 'notin', values: [ident()] });
      } else if (s.startsWith('==', i)) {
        i += 2;
        out.push({ key, op: 'in', values: [ident()] });
      } else if (s[i] === '=') {
        i += 1;
        out.push({ key, op: 'in', values: [ident()] });
      } else if (/^(in|notin)\s*\(/.test(s.slice(i))) {
        const op = s.startsWith('notin', i) ? 'notin' : 'in';
        i = s.indexOf('(', i) + 1;
        const close = s.indexOf(')', i);
        if (close < 0) throw new Error("found '', expected: ',', ')' or identifier");
        const values = s.slice(i, close).split(',').map((v) => v.trim());
        i = close + 1;
        out.push({ key, op, values });
      } else if (i >= s.length || s[i] === ',') {
        out.push({ key, op: 'exists', values: [] });
      } else {
        throw new Error(`found '${s[i]}', expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    skip();
    if (i < s.length) {
      if (s[i] !== ',') throw new Error(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return out;
}
