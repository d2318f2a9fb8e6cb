/**
 * The go-yaml v2 parser (parserc.go): a state machine turning tokens into events, with the
 * same error messages and positions ("did not find expected key", "did not find expected
 * node content", ...). This file holds the collection states; parser-core.ts the rest.
 */
import { empty, ParserCore, type YamlEvent } from './parser-core.ts';

export type { EventType, YamlEvent } from './parser-core.ts';

/** Parser produces events from a document's text. */
export class Parser extends ParserCore {
  protected blockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    let t = this.s.peek();
    if (t.type === 'BLOCK-ENTRY') {
      const mark = t.end;
      this.s.skipToken();
      t = this.s.peek();
      if (t.type !== 'BLOCK-ENTRY' && t.type !== 'BLOCK-END') {
        this.states.push('block-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'block-sequence-entry';
      return empty(mark);
    }
    if (t.type === 'BLOCK-END') {
      this.pop();
      this.marks.pop();
      this.s.skipToken();
      return { type: 'SEQUENCE-END', start: t.start, end: t.end };
    }
    this.fail("did not find expected '-' indicator", t.start, this.marks.pop());
  }

  protected indentlessSequenceEntry(): YamlEvent {
    let t = this.s.peek();
    if (t.type === 'BLOCK-ENTRY') {
      const mark = t.end;
      this.s.skipToken();
      t = this.s.peek();
      if (!['BLOCK-ENTRY', 'KEY', 'VALUE', 'BLOCK-END'].includes(t.type)) {
        this.states.push('indentless-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'indentless-sequence-entry';
      return empty(mark);
    }
    this.pop();
    return { type: 'SEQUENCE-END', start: t.start, end: t.start };
  }

  protected blockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    let t = this.s.peek();
    if (t.type === 'KEY') {
      const mark = t.end;
      this.s.skipToken();
      t = this.s.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('block-mapping-value');
        return this.node(true, true);
      }
      this.state = 'block-mapping-value';
      return empty(mark);
    }
    if (t.type === 'BLOCK-END') {
      this.pop();
      this.marks.pop();
      this.s.skipToken();
      return { type: 'MAPPING-END', start: t.start, end: t.end };
    }
    this.fail('did not find expected key', t.start, this.marks.pop());
  }

  protected blockMappingValue(): YamlEvent {
    let t = this.s.peek();
    if (t.type === 'VALUE') {
      const mark = t.end;
      this.s.skipToken();
      t = this.s.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('block-mapping-key');
        return this.node(true, true);
      }
      this.state = 'block-mapping-key';
      return empty(mark);
    }
    this.state = 'block-mapping-key';
    return empty(t.start);
  }

  protected flowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    let t = this.s.peek();
    if (t.type !== 'FLOW-SEQUENCE-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.s.skipToken();
          t = this.s.peek();
        } else this.fail("did not find expected ',' or ']'", t.start, this.marks.pop());
      }
      if (t.type === 'KEY') {
        this.state = 'flow-sequence-entry-mapping-key';
        this.s.skipToken();
        return { type: 'MAPPING-START', start: t.start, end: t.end, implicit: true };
      }
      if (t.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('flow-sequence-entry');
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.s.skipToken();
    return { type: 'SEQUENCE-END', start: t.start, end: t.end };
  }

  protected flowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.skipToken();
    }
    let t = this.s.peek();
    if (t.type !== 'FLOW-MAPPING-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.s.skipToken();
          t = this.s.peek();
        } else this.fail("did not find expected ',' or '}'", t.start, this.marks.pop());
      }
      if (t.type === 'KEY') {
        this.s.skipToken();
        t = this.s.peek();
        if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
          this.states.push('flow-mapping-value');
          return this.node(false, false);
        }
        this.state = 'flow-mapping-value';
        return empty(t.start);
      }
      if (t.type !== 'FLOW-MAPPING-END') {
        this.states.push('flow-mapping-empty-value');
        return this.node(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.s.skipToken();
    return { type: 'MAPPING-END', start: t.start, end: t.end };
  }

  protected flowMappingValue(isEmpty: boolean): YamlEvent {
    let t = this.s.peek();
    if (isEmpty) {
      this.state = 'flow-mapping-key';
      return empty(t.start);
    }
    if (t.type === 'VALUE') {
      this.s.skipToken();
      t = this.s.peek();
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
        this.states.push('flow-mapping-key');
        return this.node(false, false);
      }
    }
    this.state = 'flow-mapping-key';
    return empty(t.start);
  }
}
