import { describe, it, expect } from 'vitest';
import { FsError, VirtualFS, utf8Length } from './vfs.ts';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return undefined;
}

describe('VirtualFS.fromFiles', () => {
  it('lays out home, the kubeconfig placeholder, /tmp and /dev/null, and seeds relative paths under home', () => {
    const fs = VirtualFS.fromFiles({ 'web.yaml': 'kind: Pod\n', 'k8s/svc.yaml': 'kind: Service\n', '/etc/motd': 'hi\n' });
    expect(fs.read('/home/learner/web.yaml')).toBe('kind: Pod\n');
    expect(fs.read('k8s/svc.yaml')).toBe('kind: Service\n');
    expect(fs.read('/etc/motd')).toBe('hi\n');
    expect(fs.read('/home/learner/.kube/config')).toBe('');
    expect(fs.kind('/tmp')).toBe('dir');
    expect(fs.list('/home/learner')).toEqual(['.kube', 'k8s', 'web.yaml']);
  });
});

describe('VirtualFS errors', () => {
  const fs = VirtualFS.fromFiles({ 'a.txt': 'a' });
  it('uses errno names and strerror text', () => {
    expect(code(() => fs.read('nope'))).toBe('ENOENT: No such file or directory');
    expect(code(() => fs.read('/tmp'))).toBe('EISDIR: Is a directory');
    expect(code(() => fs.read('a.txt/x'))).toBe('ENOTDIR: Not a directory');
    expect(code(() => fs.write('no/dir/x', ''))).toBe('ENOENT: No such file or directory');
    expect(code(() => fs.write('/tmp', ''))).toBe('EISDIR: Is a directory');
    expect(code(() => fs.mkdir('/tmp'))).toBe('EEXIST: File exists');
    expect(code(() => fs.mkdir('x/y'))).toBe('ENOENT: No such file or directory');
    expect(code(() => fs.list('a.txt'))).toBe('ENOTDIR: Not a directory');
  });

  it('refuses to remove a non-empty directory without recursion', () => {
    const f = VirtualFS.fromFiles({ 'd/x': '' });
    expect(code(() => f.remove('d'))).toBe('ENOTEMPTY: Directory not empty');
    f.remove('d', true);
    expect(f.exists('d')).toBe(false);
  });
});

describe('VirtualFS operations', () => {
  it('appends, creates parents, copies and moves trees', () => {
    const fs = VirtualFS.fromFiles();
    fs.write('log', 'a\n');
    fs.write('log', 'b\n', true);
    expect(fs.read('log')).toBe('a\nb\n');
    fs.mkdir('p/q/r', true);
    fs.write('p/q/r/f', 'x');
    fs.copy('p', 'p2');
    expect(fs.read('p2/q/r/f')).toBe('x');
    fs.move('p2', '/tmp/moved');
    expect(fs.exists('p2')).toBe(false);
    expect(fs.read('/tmp/moved/q/r/f')).toBe('x');
    expect(code(() => fs.move('p', 'p/q/inside'))).toBe('EINVAL: Invalid argument');
  });

  it('treats /dev/null as an empty sink', () => {
    const fs = VirtualFS.fromFiles();
    fs.write('/dev/null', 'gone');
    expect(fs.read('/dev/null')).toBe('');
  });

  it('stamps modification times from its clock and sizes files in UTF-8 bytes', () => {
    let now = 1000;
    const fs = VirtualFS.fromFiles({}, () => now);
    now = 5000;
    fs.write('é', 'héllo');
    expect(fs.mtime('é')).toBe(5000);
    expect(fs.size('é')).toBe(6);
    expect(fs.size('/tmp')).toBe(4096);
    expect(utf8Length('☸')).toBe(3);
  });
});

describe('VirtualFS snapshot', () => {
  it('round-trips through JSON, keeping empty directories and times', () => {
    const fs = VirtualFS.fromFiles({ 'a.yaml': 'a: 1\n' }, () => 42);
    fs.mkdir('empty');
    const json = JSON.parse(JSON.stringify(fs.snapshot()));
    const back = new VirtualFS(json);
    expect(back.snapshot()).toEqual(fs.snapshot());
    expect(back.kind('empty')).toBe('dir');
    expect(back.mtime('a.yaml')).toBe(42);
  });
});
