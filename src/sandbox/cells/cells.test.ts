import { describe, expect, it } from 'vitest';
import { Session } from '@wheelhouse/sim-engine';
import { cellIds, resolveSandboxId } from './cell-ids.ts';
import { appendOutput, CellStore, MAX_OUTPUT, type StorageLike } from './cell-store.ts';
import { splitCommands, stripAnsi } from './commands.ts';

const session = new Session();
const needsMore = (s: string) => session.needsMore(s);

describe('splitCommands', () => {
  it('splits lines and drops blank and comment lines', () => {
    expect(splitCommands('kubectl get pods\n\n# then the nodes\nkubectl get nodes\n', needsMore)).toEqual(['kubectl get pods', 'kubectl get nodes']);
  });

  it('keeps heredocs, pipes and continuations together', () => {
    const heredoc = 'cat <<EOF > web.yaml\napiVersion: v1\nkind: Pod\nEOF';
    expect(splitCommands(`${heredoc}\nkubectl get pods`, needsMore)).toEqual([heredoc, 'kubectl get pods']);
    expect(splitCommands('kubectl get pods |\n  grep web\necho done', needsMore)).toEqual(['kubectl get pods |\n  grep web', 'echo done']);
    expect(splitCommands('kubectl run web \\\n  --image=nginx', needsMore)).toEqual(['kubectl run web \\\n  --image=nginx']);
  });

  it('runs an unterminated command as it is', () => {
    expect(splitCommands('echo "open', needsMore)).toEqual(['echo "open']);
  });
});

describe('stripAnsi', () => {
  it('removes colours and resolves carriage returns', () => {
    expect(stripAnsi('\x1b[1;32mok\x1b[0m done')).toBe('ok done');
    expect(stripAnsi('50%\r100%\n')).toBe('100%\n');
    expect(stripAnsi('a\r\nb')).toBe('a\nb');
  });
});

describe('cellIds and resolveSandboxId', () => {
  it('numbers repeated code', () => {
    expect(cellIds(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a.1', 'a.2']);
  });

  it('finds the named sandbox or the lesson’s own', () => {
    const ids = ['03-pods/01-first', '03-pods/01-first/second'];
    expect(resolveSandboxId(undefined, ids)).toBe('03-pods/01-first');
    expect(resolveSandboxId('second', ids)).toBe('03-pods/01-first/second');
    expect(resolveSandboxId('03-pods/01-first', ids)).toBe('03-pods/01-first');
    expect(resolveSandboxId('third', ids)).toBeUndefined();
    expect(resolveSandboxId(undefined, ['03-pods/01-first/second', '03-pods/01-first'], '03-pods/01-first')).toBe('03-pods/01-first');
  });
});

describe('CellStore', () => {
  function memory(): StorageLike & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  }

  it('round-trips and clears', () => {
    const storage = memory();
    const store = new CellStore('k:cells', storage);
    expect(store.load()).toEqual({ version: 1, counter: 0, cells: {} });
    store.save({ version: 1, counter: 2, cells: { a: { count: 2, output: [{ stream: 'out', text: 'hi\n' }], status: 0 } } });
    expect(store.load().cells.a!.count).toBe(2);
    store.clear();
    expect(storage.data.size).toBe(0);
  });

  it('ignores unreadable data', () => {
    const storage = memory();
    storage.setItem('k', '{oops');
    expect(new CellStore('k', storage).load().counter).toBe(0);
    storage.setItem('k', JSON.stringify({ version: 9 }));
    expect(new CellStore('k', storage).load().counter).toBe(0);
  });

  it('merges output by stream and keeps the end of long output', () => {
    let s = appendOutput([], 'out', 'a');
    s = appendOutput(s, 'out', 'b');
    s = appendOutput(s, 'err', 'c');
    expect(s).toEqual([
      { stream: 'out', text: 'ab' },
      { stream: 'err', text: 'c' },
    ]);
    const long = appendOutput(s, 'err', 'x'.repeat(MAX_OUTPUT));
    expect(long.reduce((n, x) => n + x.text.length, 0)).toBe(MAX_OUTPUT);
    expect(long[long.length - 1]!.text.endsWith('x')).toBe(true);
  });
});
