/**
 * kubectl explain: a kind's or field's documentation in kubectl 1.32's plaintext layout (the
 * OpenAPI v3 template): KIND/VERSION (and GROUP), FIELD with its type and enum, DESCRIPTION
 * word-wrapped at 76 columns, and FIELDS sorted by name, or the whole tree with --recursive.
 * Field lists come from the API schemas; descriptions, required fields and enums from their docs.
 */
import { fieldDoc, typeDoc } from '../../api/schema/docs.ts';
import { schemaForKind, structSchema, type FieldSchema, type TypeRef } from '../../api/schema/index.ts';
import { lookupResource } from '../../api/resources.ts';
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags.ts';

/** wordWrap is go-wordwrap's WrapString: break at whitespace so lines stay within `limit`, never splitting a word. */
export function wordWrap(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      if (word === '') {
        if (current + space.length <= limit) out += space;
      } else {
        out += space + word;
      }
      out += ch;
      current = 0;
      word = '';
      space = '';
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space === '' || word !== '') {
        current += space.length + word.length;
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + space.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + space.length <= limit) out += space;
  } else out += space + word;
  return out;
}

/** indent is the template's indent: every line, the first included, gets `n` spaces. */
function indent(n: number, s: string): string {
  const pad = ' '.repeat(n);
  return pad + s.replaceAll('\n', `\n${pad}`);
}

function typeName(t: TypeRef): string {
  switch (t.kind) {
    case 'scalar':
      return { string: 'string', int32: 'integer', int64: 'integer', bool: 'boolean', float64: 'number' }[t.go];
    case 'intstr':
      return 'IntOrString';
    case 'quantity':
      return 'Quantity';
    case 'time':
      return 'string';
    case 'any':
      return 'Object';
    case 'struct':
      return t.name;
    case 'list':
      return `[]${typeName(t.elem)}`;
    case 'map':
      return `map[string]${typeName(t.elem)}`;
  }
}

/** structOf is the struct a field's values are made of, looking through lists and maps. */
function structOf(t: TypeRef): string | undefined {
  if (t.kind === 'struct') return t.name;
  if (t.kind === 'list' || t.kind === 'map') return structOf(t.elem);
  return undefined;
}

/** refDoc is the description a $ref'd type brings along (structs, and the Quantity, Time and IntOrString types). */
function refDoc(t: TypeRef): string | undefined {
  if (t.kind === 'list' || t.kind === 'map') return refDoc(t.elem);
  if (t.kind === 'struct') return typeDoc(t.name);
  if (t.kind === 'quantity') return typeDoc('Quantity');
  if (t.kind === 'time') return typeDoc('Time');
  if (t.kind === 'intstr') return typeDoc('IntOrString');
  return undefined;
}

function fields(struct: string): FieldSchema[] {
  return [...structSchema(struct).fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function fieldList(struct: string, level: number, recursive: boolean, seen: ReadonlySet<string>): string {
  let out = '';
  const amount = level * 2;
  for (const f of fields(struct)) {
    const doc = fieldDoc(struct, f.name);
    out += `${indent(amount, f.name)}\t<${typeName(f.type)}>${doc.required ? ' -required-' : ''}`;
    if (doc.enum) {
      const shown = doc.enum.slice(0, 4).map((e) => (e === '' ? '""' : e));
      out += `\n${' '.repeat(amount)}enum: ${shown.join(', ')}${doc.enum.length > 4 ? ', ....' : ''}`;
    }
    out += '\n';
    if (!recursive) {
      out += `${indent(amount + 2, wordWrap(doc.description || '<no description>', 78 - amount))}\n\n`;
      continue;
    }
    const inner = structOf(f.type);
    if (inner && !seen.has(inner)) out += fieldList(inner, level + 1, true, new Set([...seen, inner]));
  }
  return out;
}

/** explain renders the documentation of `kind` or of the field at `path` inside it; it throws for unknown fields. */
export function explain(kind: string, group: string, version: string, path: string[], recursive: boolean): { head: string; body: string } {
  const head = `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${kind}\nVERSION:    ${version}\n\n`;
  let struct: string | undefined = kind;
  let description = typeDoc(kind) ?? '';
  let body = '';
  for (const [i, name] of path.entries()) {
    const owner = struct;
    const f: FieldSchema | undefined = owner ? structSchema(owner).byName.get(name) : undefined;
    if (!owner || !f) throw new KubectlError(`field "${path[path.length - 1]}" does not exist`);
    struct = structOf(f.type);
    if (i < path.length - 1) continue;
    const doc = fieldDoc(owner, name);
    body += `FIELD: ${name} <${typeName(f.type)}>\n`;
    if (doc.enum) body += `ENUM:${doc.enum.map((e) => `\n    ${e === '' ? '""' : e}`).join('')}`;
    body += '\n\n';
    const ref = refDoc(f.type);
    description = `${doc.description ? `${doc.description}\n` : ''}${ref ? `${ref}\n` : ''}`;
  }
  if (path.length === 0) description = description ? `${description}\n` : '';
  body += `DESCRIPTION:\n${indent(4, wordWrap(description || '<empty>', 76))}\n`;
  const list = struct ? fieldList(struct, 1, recursive, new Set([struct])) : '';
  if (list) body += `FIELDS:\n${list}`;
  return { head, body: `${body}\n` };
}

/** explainCommand is `kubectl explain`. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'Get documentation for a resource',
  help: {
    description: 'Describe a resource\'s fields: what each one means and holds. Name a field path to go deeper.',
    examples: [
      ['Describe pods', 'kubectl explain pods'],
      ['Describe one field of a pod', 'kubectl explain pods.spec.containers'],
      ['List every field of a deployment', 'kubectl explain deployment --recursive'],
    ],
    usage: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  },
  flags: [
    { name: 'api-version', type: 'string', default: "''", help: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: "'plaintext'", help: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', default: 'false', help: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
  ],
  run(inv) {
    const args = inv.flags.args;
    if (args.length === 0) throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
    if (args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE');
    const output = str(inv.flags, 'output', 'plaintext');
    if (output !== 'plaintext') {
      if (output === 'plaintext-openapiv2') throw new KubectlError('--output=plaintext-openapiv2 is not supported in this sandbox yet');
      throw new KubectlError(`unsupported output format: ${output}, expected one of: plaintext, plaintext-openapiv2`);
    }
    const [typed, ...path] = args[0]!.split('.');
    const r = lookupResource(typed!);
    if (!r) {
      // The RESTMapper's NoMatch error reaches CheckErr, which prints it without `error: `.
      inv.ctx.stderr(`the server doesn't have a resource type "${typed}"\n`);
      return 1;
    }
    const apiVersion = str(inv.flags, 'api-version');
    const own = r.group ? `${r.group}/${r.version}` : r.version;
    if (apiVersion && apiVersion !== own) throw new KubectlError(`couldn't find resource for "${apiVersion.includes('/') ? apiVersion : `/${apiVersion}`}, Resource=${r.plural}"`);
    if (!schemaForKind(r.kind)) throw new KubectlError(`explaining ${r.plural} is not supported in this sandbox yet`);
    let result;
    try {
      result = explain(r.kind, r.group, r.version, path.filter((p) => p !== ''), bool(inv.flags, 'recursive'));
    } catch (e) {
      inv.ctx.stdout(`${r.group ? `GROUP:      ${r.group}\n` : ''}KIND:       ${r.kind}\nVERSION:    ${r.version}\n\n`);
      throw e;
    }
    inv.ctx.stdout(result.head + result.body);
    return 0;
  },
};
