import { describe, it, expect } from 'vitest';
import { TabWriter, TabWriterFlags, describeWriter, runeCount, tableWriter } from './tabwriter.ts';

const row = (...cells: string[]): string => `${cells.join('\t')}\n`;

describe('tableWriter (kubectl get)', () => {
  it('aligns a pod table', () => {
    const w = tableWriter();
    w.write(row('NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'));
    w.write(row('web-7c5ddbdf54-4lq7m', '1/1', 'Running', '0', '2m30s'));
    w.write(row('web-7c5ddbdf54-x2k9p', '0/1', 'CrashLoopBackOff', '4 (62s ago)', '2m30s'));
    expect(w.flush()).toBe(
      'NAME                   READY   STATUS             RESTARTS      AGE\n' +
        'web-7c5ddbdf54-4lq7m   1/1     Running            0             2m30s\n' +
        'web-7c5ddbdf54-x2k9p   0/1     CrashLoopBackOff   4 (62s ago)   2m30s\n',
    );
  });

  it('remembers widths across flushes, growing only the column that needs it (get --watch)', () => {
    const w = tableWriter();
    w.write(row('NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'));
    w.write(row('web-7c5ddbdf54-4lq7m', '0/1', 'Pending', '0', '0s'));
    const first = w.flush();
    w.write(row('web-7c5ddbdf54-4lq7m', '0/1', 'ContainerCreating', '0', '0s'));
    const second = w.flush();
    w.write(row('web-7c5ddbdf54-4lq7m', '1/1', 'Running', '0', '2s'));
    const third = w.flush();
    expect(first + second + third).toBe(
      'NAME                   READY   STATUS    RESTARTS   AGE\n' +
        'web-7c5ddbdf54-4lq7m   0/1     Pending   0          0s\n' +
        'web-7c5ddbdf54-4lq7m   0/1     ContainerCreating   0          0s\n' +
        'web-7c5ddbdf54-4lq7m   1/1     Running             0          2s\n',
    );
    expect(w.rememberedWidths()).toEqual([23, 8, 20, 11]);
  });

  it('forgets remembered widths on request', () => {
    const w = tableWriter();
    w.write(row('a-very-long-name', 'x'));
    w.flush();
    w.resetRememberedWidths();
    w.write(row('a', 'x'));
    expect(w.flush()).toBe('a     x\n');
  });

  it('carries widths to another writer', () => {
    const a = tableWriter();
    a.write(row('a-very-long-name', 'x'));
    a.flush();
    const b = tableWriter();
    b.setRememberedWidths(a.rememberedWidths());
    b.write(row('a', 'x'));
    expect(b.flush()).toBe('a                  x\n');
  });

  it('returns an empty string when nothing was written', () => {
    expect(tableWriter().flush()).toBe('');
  });
});

describe('describeWriter (kubectl describe)', () => {
  it('ends an alignment block at a line without a tab', () => {
    const w = describeWriter();
    w.write('Name:\tweb-7c5ddbdf54-4lq7m\n');
    w.write('Namespace:\tdefault\n');
    w.write('Priority:\t0\n');
    w.write('Service Account:\tdefault\n');
    w.write('IPs:\n');
    w.write('  IP:\t10.244.1.2\n');
    w.write('Controlled By:\tReplicaSet/web-7c5ddbdf54\n');
    expect(w.flush()).toBe(
      'Name:             web-7c5ddbdf54-4lq7m\n' +
        'Namespace:        default\n' +
        'Priority:         0\n' +
        'Service Account:  default\n' +
        'IPs:\n' +
        '  IP:           10.244.1.2\n' +
        'Controlled By:  ReplicaSet/web-7c5ddbdf54\n',
    );
  });

  it('aligns continuation lines that start with a tab under the value column', () => {
    const w = describeWriter();
    w.write('Name:\tweb\n');
    w.write('Labels:\tapp=web\n');
    w.write('\tpod-template-hash=7c5ddbdf54\n');
    w.write('Annotations:\t<none>\n');
    expect(w.flush()).toBe(
      'Name:         web\n' +
        'Labels:       app=web\n' +
        '              pod-template-hash=7c5ddbdf54\n' +
        'Annotations:  <none>\n',
    );
  });

  it('does not remember widths between flushes', () => {
    const w = describeWriter();
    w.write('Long key here:\tv\n');
    w.flush();
    w.write('K:\tv\n');
    expect(w.flush()).toBe('K:  v\n');
  });

  it('lays out nested columns: a sub-block inside an outer block', () => {
    const w = describeWriter();
    w.write('Events:\n');
    w.write('  Type\tReason\tAge\tFrom\tMessage\n');
    w.write('  ----\t------\t----\t----\t-------\n');
    w.write('  Normal\tScheduled\t2m30s\tdefault-scheduler\tSuccessfully assigned default/web to node-1\n');
    w.write('  Normal\tPulled\t2m29s\tkubelet\tContainer image "nginx:1.27" already present on machine\n');
    expect(w.flush()).toBe(
      'Events:\n' +
        '  Type    Reason     Age    From               Message\n' +
        '  ----    ------     ----   ----               -------\n' +
        '  Normal  Scheduled  2m30s  default-scheduler  Successfully assigned default/web to node-1\n' +
        '  Normal  Pulled     2m29s  kubelet            Container image "nginx:1.27" already present on machine\n',
    );
  });
});

describe('TabWriter edge cases', () => {
  it('buffers partial writes until a line ends', () => {
    const w = describeWriter();
    w.write('Na');
    w.write('me:\tx');
    w.write('\nLonger key:');
    w.write('\ty\n');
    expect(w.flush()).toBe('Name:        x\nLonger key:  y\n');
  });

  it('pads empty cells and keeps a column going through them', () => {
    const w = new TabWriter({ minwidth: 0, tabwidth: 8, padding: 1, padchar: '.', flags: 0 });
    w.write('a\t\tc\nlonger\tb\tc\n');
    expect(w.flush()).toBe('a........c\nlonger.b.c\n');
  });

  it('counts width in code points, not UTF-16 units', () => {
    const w = new TabWriter({ minwidth: 0, tabwidth: 8, padding: 1, padchar: '.', flags: 0 });
    w.write('😀\tx\nab\tx\n');
    expect(w.flush()).toBe('😀..x\nab.x\n');
    expect(runeCount('😀é')).toBe(2);
    expect(runeCount('\ud800x')).toBe(2);
  });

  it('rejects negative sizes and multi-character padding', () => {
    expect(() => new TabWriter({ minwidth: -1, tabwidth: 0, padding: 0, padchar: ' ', flags: 0 })).toThrow(RangeError);
    expect(() => new TabWriter({ minwidth: 0, tabwidth: 0, padding: 0, padchar: '  ', flags: 0 })).toThrow(RangeError);
  });

  it('keeps remembered widths per column when an earlier block in the same flush was wider', () => {
    const w = new TabWriter({ minwidth: 0, tabwidth: 8, padding: 1, padchar: '.', flags: TabWriterFlags.RememberWidths });
    // The middle line has no tab, so Go flushes there; the second block reuses the first's width.
    w.write('aaaa\tx\nbreak\nb\ty\n');
    expect(w.flush()).toBe('aaaa.x\nbreak\nb....y\n');
  });
});

// Test vectors from Go's src/text/tabwriter/tabwriter_test.go, limited to the features ported
// (no escapes, HTML, AlignRight, DiscardEmptyColumns or Debug).
const goTests: [name: string, minwidth: number, tabwidth: number, padding: number, padchar: string, src: string, expected: string][] = [
  ['1a', 8, 0, 1, '.', '', ''],
  ['2', 8, 0, 1, '.', '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', '\t', ''],
  ['5', 8, 0, 1, '.', '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', '*\t*\t', '*.......*'],
  ['6', 8, 0, 1, '.', '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['8', 8, 0, 1, '*', 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['10a', 5, 0, 0, '.', '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  [
    '11',
    8, 0, 1, '.',
    '本\tb\tc\naa\t\u672c\u672c\u672c\tcccc\tddddd\naaa\tbbbb\n',
    '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
  ],
  ['12b', 2, 0, 0, ' ', 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  ['12c', 8, 0, 1, '_', 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n'],
  [
    '13a',
    4, 0, 1, '-',
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  ],
  [
    '13b',
    4, 0, 3, '.',
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
  ],
  ['15a', 4, 0, 0, '.', 'a\t\tb', 'a.......b'],
  [
    '16a',
    100, 100, 0, '\t',
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  ],
];

describe("Go's tabwriter test vectors", () => {
  for (const [name, minwidth, tabwidth, padding, padchar, src, expected] of goTests) {
    it(name, () => {
      const w = new TabWriter({ minwidth, tabwidth, padding, padchar, flags: 0 });
      w.write(src);
      expect(w.flush(), 'written all at once').toBe(expected);

      for (const ch of src.split('')) w.write(ch);
      expect(w.flush(), 'written char by char').toBe(expected);

      for (let i = 0, d = 0; i < src.length; ) {
        w.write(src.slice(i, i + d));
        i += d;
        d++;
        if (i + d > src.length) d = src.length - i;
      }
      expect(w.flush(), 'written in fibonacci slices').toBe(expected);
    });
  }
});
