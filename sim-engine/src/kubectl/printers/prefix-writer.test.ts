import { describe, it, expect } from 'vitest';
import {
  LAST_APPLIED_CONFIG_ANNOTATION,
  PrefixWriter,
  escapeTerminal,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printLabelsMultilineWithIndent,
  utf8Length,
} from './prefix-writer.ts';

describe('PrefixWriter', () => {
  it('renders the head of a pod description', () => {
    const w = new PrefixWriter();
    w.write(0, 'Name:\tweb-7c5ddbdf54-4lq7m\n');
    w.write(0, 'Namespace:\tdefault\n');
    w.write(0, 'Priority:\t0\n');
    w.write(0, 'Service Account:\tdefault\n');
    w.write(0, 'Node:\tnode-1/10.0.0.2\n');
    w.write(0, 'Start Time:\tMon, 06 Jan 2025 10:00:00 +0000\n');
    printLabelsMultiline(w, 'Labels', { 'pod-template-hash': '7c5ddbdf54', app: 'web' });
    printAnnotationsMultiline(w, 'Annotations', {});
    w.write(0, 'Status:\tRunning\n');
    w.write(0, 'IP:\t10.244.1.2\n');
    w.write(0, 'IPs:\n');
    w.write(1, 'IP:\t10.244.1.2\n');
    w.write(0, 'Controlled By:\tReplicaSet/web-7c5ddbdf54\n');
    expect(w.flush()).toBe(
      'Name:             web-7c5ddbdf54-4lq7m\n' +
        'Namespace:        default\n' +
        'Priority:         0\n' +
        'Service Account:  default\n' +
        'Node:             node-1/10.0.0.2\n' +
        'Start Time:       Mon, 06 Jan 2025 10:00:00 +0000\n' +
        'Labels:           app=web\n' +
        '                  pod-template-hash=7c5ddbdf54\n' +
        'Annotations:      <none>\n' +
        'Status:           Running\n' +
        'IP:               10.244.1.2\n' +
        'IPs:\n' +
        '  IP:           10.244.1.2\n' +
        'Controlled By:  ReplicaSet/web-7c5ddbdf54\n',
    );
  });

  it('indents two spaces per level, before the first line only', () => {
    const w = new PrefixWriter();
    w.write(2, 'Limits:\n');
    w.write(3, 'cpu:\t500m\n');
    w.write(1, 'a\nb\n');
    expect(w.flush()).toBe('    Limits:\n      cpu:  500m\n  a\nb\n');
  });

  it('writeLine joins its parts with spaces like Fprintln', () => {
    const w = new PrefixWriter();
    w.write(0, 'Tolerations:\t');
    w.writeLine('node.kubernetes.io/not-ready:NoExecute', 'op=Exists', 'for', 300, 's');
    w.writeLine();
    expect(w.flush()).toBe('Tolerations:  node.kubernetes.io/not-ready:NoExecute op=Exists for 300 s\n\n');
  });

  it('escapes terminal control characters', () => {
    const w = new PrefixWriter();
    w.write(0, 'Message:\t\x1b[31mred\r\n');
    expect(w.flush()).toBe('Message:  ^[[31mred\\r\n');
    expect(escapeTerminal('a\x1bb\rc')).toBe('a^[b\\rc');
  });
});

describe('printLabelsMultiline', () => {
  it('prints <none> for no labels', () => {
    const w = new PrefixWriter();
    printLabelsMultiline(w, 'Labels', undefined);
    printLabelsMultiline(w, 'Selector', {});
    expect(w.flush()).toBe('Labels:    <none>\nSelector:  <none>\n');
  });

  it('sorts by key (not by k=v like formatLabels)', () => {
    const w = new PrefixWriter();
    printLabelsMultiline(w, 'Labels', { 'a-b': '2', a: '1' });
    expect(w.flush()).toBe('Labels:  a=1\n         a-b=2\n');
  });

  it('supports an initial indent and skipped keys', () => {
    const w = new PrefixWriter();
    w.write(0, 'Pod Template:\n');
    printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', { app: 'web', tier: 'fe', skip: 'me' }, new Set(['skip']));
    printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', { skip: 'me' }, new Set(['skip']));
    expect(w.flush()).toBe('Pod Template:\n  Labels:       app=web\n                tier=fe\n  Annotations:  <none>\n');
  });
});

describe('printAnnotationsMultiline', () => {
  it('hides last-applied-configuration and breaks multi-line values', () => {
    const w = new PrefixWriter();
    w.write(0, 'Name:\tweb\n');
    printAnnotationsMultiline(w, 'Annotations', {
      [LAST_APPLIED_CONFIG_ANNOTATION]: '{"apiVersion":"v1"}\n',
      script: 'echo a\necho b\n',
      note: 'hello',
    });
    w.write(0, 'Status:\tRunning\n');
    expect(w.flush()).toBe(
      'Name:         web\n' +
        'Annotations:  note: hello\n' +
        '              script:\n' +
        '                echo a\n' +
        '                echo b\n' +
        'Status:       Running\n',
    );
  });

  it('prints <none> when only hidden annotations exist', () => {
    const w = new PrefixWriter();
    printAnnotationsMultiline(w, 'Annotations', { [LAST_APPLIED_CONFIG_ANNOTATION]: '{}' });
    expect(w.flush()).toBe('Annotations:  <none>\n');
  });

  it('keeps an entry of exactly 140 bytes on one line and breaks one of 141', () => {
    const key = 'example.com/k';
    const fits = 'v'.repeat(140 - 2 - key.length);
    const w = new PrefixWriter();
    printAnnotationsMultiline(w, 'Annotations', { [key]: fits });
    expect(w.flush()).toBe(`Annotations:  ${key}: ${fits}\n`);

    printAnnotationsMultiline(w, 'Annotations', { [key]: `${fits}v` });
    expect(w.flush()).toBe(`Annotations:  ${key}:\n                ${fits}v\n`);
  });

  it('truncates each long line to 138 bytes plus ...', () => {
    const w = new PrefixWriter();
    printAnnotationsMultiline(w, 'Annotations', { long: 'x'.repeat(200), short: 'y' });
    expect(w.flush()).toBe(`Annotations:  long:\n                ${'x'.repeat(138)}...\n              short: y\n`);
  });

  it('measures in UTF-8 bytes and shows a character cut in half as U+FFFD', () => {
    const w = new PrefixWriter();
    printAnnotationsMultiline(w, 'Annotations', { k: `x${'é'.repeat(100)}` });
    expect(w.flush()).toBe(`Annotations:  k:\n                x${'é'.repeat(68)}\uFFFD...\n`);

    // 70 two-byte characters: 140 bytes + key + 2 exceeds the limit even though it is 70 characters.
    printAnnotationsMultiline(w, 'Annotations', { k: 'é'.repeat(70) });
    expect(w.flush()).toBe(`Annotations:  k:\n                ${'é'.repeat(69)}...\n`);
  });

  it('utf8Length counts bytes', () => {
    expect(utf8Length('aé本😀')).toBe(1 + 2 + 3 + 4);
  });
});
