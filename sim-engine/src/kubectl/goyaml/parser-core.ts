/**
 * The core of the go-yaml v2 parser (parserc.go): events, states, the stream, document and node
 * productions; the collection states are in parser.ts.
 */
import { YamlSyntaxError, type Mark } from './reader.ts';
import { Scanner, type ScalarStyle, type Token } from './scanner.ts';

/** EventType names libyaml's events. */
export type EventType =
  | 'STREAM-START' | 'STREAM-END' | 'DOCUMENT-START' | 'DOCUMENT-END' | 'ALIAS' | 'SCALAR'
  | 'SEQUENCE-START' | 'SEQUENCE-END' | 'MAPPING-START' | 'MAPPING-END';

/** YamlEvent is one parser event. */
export interface YamlEvent {
  type: EventType;
  start: Mark;
  end: Mark;
  anchor?: string;
  tag?: string;
  value?: string;
  /** For scalars: plain and untagged (or tagged `!`), so the value is resolved by its text. */
  implicit?: boolean;
  style?: ScalarStyle;
}

/** State is the parser's state, as parserc.go names them. */
export type State =
  | 'stream-start' | 'implicit-document-start' | 'document-start' | 'document-content' | 'document-end'
  | 'block-node' | 'block-node-or-indentless-sequence' | 'flow-node' | 'block-sequence-first-entry'
  | 'block-sequence-entry' | 'indentless-sequence-entry' | 'block-mapping-first-key' | 'block-mapping-key'
  | 'block-mapping-value' | 'flow-sequence-first-entry' | 'flow-sequence-entry' | 'flow-sequence-entry-mapping-key'
  | 'flow-sequence-entry-mapping-value' | 'flow-sequence-entry-mapping-end' | 'flow-mapping-first-key'
  | 'flow-mapping-key' | 'flow-mapping-value' | 'flow-mapping-empty-value' | 'end';

const DEFAULT_TAGS: [string, string][] = [['!', '!'], ['!!', 'tag:yaml.org,2002:']];

/** ParserCore is the parser without its collection states. */
export abstract class ParserCore {
  protected readonly s: Scanner;
  protected state: State = 'stream-start';
  protected readonly states: State[] = [];
  protected readonly marks: Mark[] = [];
  private tagDirectives: [string, string][] = [];

  constructor(text: string) {
    this.s = new Scanner(text);
  }

  /** next returns the next event, or undefined after the stream ended. */
  next(): YamlEvent | undefined {
    if (this.s.streamEndProduced || this.state === 'end') return undefined;
    return this.dispatch();
  }

  protected fail(problem: string, problemMark: Mark, contextMark: Mark = { index: 0, line: 0, column: 0 }): never {
    throw new YamlSyntaxError('parser', problem, problemMark, contextMark);
  }

  protected pop(): void {
    this.state = this.states.pop()!;
  }

  private dispatch(): YamlEvent {
    switch (this.state) {
      case 'stream-start': {
        const t = this.s.peek();
        if (t.type !== 'STREAM-START') this.fail('did not find expected <stream-start>', t.start);
        this.state = 'implicit-document-start';
        this.s.skipToken();
        return { type: 'STREAM-START', start: t.start, end: t.end };
      }
      case 'implicit-document-start': return this.documentStart(true);
      case 'document-start': return this.documentStart(false);
      case 'document-content': {
        const t = this.s.peek();
        if (['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'DOCUMENT-END', 'STREAM-END'].includes(t.type)) {
          this.pop();
          return empty(t.start);
        }
        return this.node(true, false);
      }
      case 'document-end': {
        const t = this.s.peek();
        let end = t.start;
        if (t.type === 'DOCUMENT-END') {
          end = t.end;
          this.s.skipToken();
        }
        this.tagDirectives = [];
        this.state = 'document-start';
        return { type: 'DOCUMENT-END', start: t.start, end };
      }
      case 'block-node': return this.node(true, false);
      case 'block-node-or-indentless-sequence': return this.node(true, true);
      case 'flow-node': return this.node(false, false);
      case 'block-sequence-first-entry': return this.blockSequenceEntry(true);
      case 'block-sequence-entry': return this.blockSequenceEntry(false);
      case 'indentless-sequence-entry': return this.indentlessSequenceEntry();
      case 'block-mapping-first-key': return this.blockMappingKey(true);
      case 'block-mapping-key': return this.blockMappingKey(false);
      case 'block-mapping-value': return this.blockMappingValue();
      case 'flow-sequence-first-entry': return this.flowSequenceEntry(true);
      case 'flow-sequence-entry': return this.flowSequenceEntry(false);
      case 'flow-sequence-entry-mapping-key': {
        const t = this.s.peek();
        if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
          this.states.push('flow-sequence-entry-mapping-value');
          return this.node(false, false);
        }
        const mark = t.end;
        this.s.skipToken();
        this.state = 'flow-sequence-entry-mapping-value';
        return empty(mark);
      }
      case 'flow-sequence-entry-mapping-value': {
        let t = this.s.peek();
        if (t.type === 'VALUE') {
          this.s.skipToken();
          t = this.s.peek();
          if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
            this.states.push('flow-sequence-entry-mapping-end');
            return this.node(false, false);
          }
        }
        this.state = 'flow-sequence-entry-mapping-end';
        return empty(t.start);
      }
      case 'flow-sequence-entry-mapping-end': {
        const t = this.s.peek();
        this.state = 'flow-sequence-entry';
        return { type: 'MAPPING-END', start: t.start, end: t.start };
      }
      case 'flow-mapping-first-key': return this.flowMappingKey(true);
      case 'flow-mapping-key': return this.flowMappingKey(false);
      case 'flow-mapping-value': return this.flowMappingValue(false);
      case 'flow-mapping-empty-value': return this.flowMappingValue(true);
      default: throw new Error('invalid parser state');
    }
  }

  private documentStart(implicit: boolean): YamlEvent {
    let t = this.s.peek();
    if (!implicit) {
      while (t.type === 'DOCUMENT-END') {
        this.s.skipToken();
        t = this.s.peek();
      }
    }
    if (implicit && !['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'STREAM-END'].includes(t.type)) {
      this.processDirectives();
      this.states.push('document-end');
      this.state = 'block-node';
      return { type: 'DOCUMENT-START', start: t.start, end: t.end };
    }
    if (t.type !== 'STREAM-END') {
      const start = t.start;
      this.processDirectives();
      t = this.s.peek();
      if (t.type !== 'DOCUMENT-START') this.fail('did not find expected <document start>', t.start);
      this.states.push('document-end');
      this.state = 'document-content';
      const end = t.end;
      this.s.skipToken();
      return { type: 'DOCUMENT-START', start, end };
    }
    this.state = 'end';
    this.s.skipToken();
    return { type: 'STREAM-END', start: t.start, end: t.end };
  }

  private processDirectives(): void {
    let version = false;
    let t = this.s.peek();
    while (t.type === 'VERSION-DIRECTIVE' || t.type === 'TAG-DIRECTIVE') {
      if (t.type === 'VERSION-DIRECTIVE') {
        if (version) this.fail('found duplicate %YAML directive', t.start);
        if (t.major !== 1 || t.minor !== 1) this.fail('found incompatible YAML document', t.start);
        version = true;
      } else {
        if (this.tagDirectives.some(([h]) => h === t.value)) this.fail('found duplicate %TAG directive', t.start);
        this.tagDirectives.push([t.value!, t.prefix!]);
      }
      this.s.skipToken();
      t = this.s.peek();
    }
    for (const [h, p] of DEFAULT_TAGS) if (!this.tagDirectives.some(([x]) => x === h)) this.tagDirectives.push([h, p]);
  }

  protected node(block: boolean, indentlessSequence: boolean): YamlEvent {
    let t: Token = this.s.peek();
    if (t.type === 'ALIAS') {
      this.pop();
      this.s.skipToken();
      return { type: 'ALIAS', start: t.start, end: t.end, anchor: t.value };
    }
    let start = t.start;
    let end = t.start;
    let tagToken = false;
    let handle = '';
    let suffix = '';
    let anchor: string | undefined;
    let tagMark = start;
    const takeTag = (first: boolean) => {
      tagToken = true;
      handle = t.value!;
      suffix = t.suffix!;
      if (first) start = t.start;
      tagMark = t.start;
      end = t.end;
      this.s.skipToken();
      t = this.s.peek();
    };
    if (t.type === 'ANCHOR') {
      anchor = t.value;
      start = t.start;
      end = t.end;
      this.s.skipToken();
      t = this.s.peek();
      if (t.type === 'TAG') takeTag(false);
    } else if (t.type === 'TAG') {
      takeTag(true);
      if ((t as Token).type === 'ANCHOR') {
        anchor = t.value;
        end = t.end;
        this.s.skipToken();
        t = this.s.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      if (handle.length === 0) tag = suffix;
      else {
        const d = this.tagDirectives.find(([h]) => h === handle);
        if (d) tag = d[1] + suffix;
        if (tag.length === 0) this.fail('found undefined tag handle', tagMark, start);
      }
    }
    const implicit = tag.length === 0;
    if (indentlessSequence && t.type === 'BLOCK-ENTRY') {
      this.state = 'indentless-sequence-entry';
      return { type: 'SEQUENCE-START', start, end: t.end, anchor, tag, implicit };
    }
    if (t.type === 'SCALAR') {
      const plainImplicit = (tag.length === 0 && t.style === 'plain') || tag === '!';
      this.pop();
      this.s.skipToken();
      return { type: 'SCALAR', start, end: t.end, anchor, tag, value: t.value, implicit: plainImplicit, style: t.style };
    }
    const collections: [Token['type'], State, EventType, boolean][] = [
      ['FLOW-SEQUENCE-START', 'flow-sequence-first-entry', 'SEQUENCE-START', true],
      ['FLOW-MAPPING-START', 'flow-mapping-first-key', 'MAPPING-START', true],
      ['BLOCK-SEQUENCE-START', 'block-sequence-first-entry', 'SEQUENCE-START', block],
      ['BLOCK-MAPPING-START', 'block-mapping-first-key', 'MAPPING-START', block],
    ];
    for (const [tokenType, state, eventType, ok] of collections) {
      if (ok && t.type === tokenType) {
        this.state = state;
        return { type: eventType, start, end: t.end, anchor, tag, implicit };
      }
    }
    if (anchor !== undefined || tag.length > 0) {
      this.pop();
      return { type: 'SCALAR', start, end, anchor, tag, value: '', implicit, style: 'plain' };
    }
    this.fail('did not find expected node content', t.start, start);
  }

  protected abstract blockSequenceEntry(first: boolean): YamlEvent;
  protected abstract indentlessSequenceEntry(): YamlEvent;
  protected abstract blockMappingKey(first: boolean): YamlEvent;
  protected abstract blockMappingValue(): YamlEvent;
  protected abstract flowSequenceEntry(first: boolean): YamlEvent;
  protected abstract flowMappingKey(first: boolean): YamlEvent;
  protected abstract flowMappingValue(isEmpty: boolean): YamlEvent;
}

/** empty is the empty plain scalar libyaml produces for a missing node. */
export function empty(mark: Mark): YamlEvent {
  return { type: 'SCALAR', start: mark, end: mark, value: '', implicit: true, style: 'plain' };
}
