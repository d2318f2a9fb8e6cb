import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { FILES } from './fixtures.ts';

async function out(cmd: string): Promise<string> {
  const r = await testShell({ files: FILES }).run(cmd);
  return r.stderr + r.stdout;
}

describe('sed commands', () => {
  it.each([
    ["echo hello | sed 's/l/L/'", 'heLlo\n'],
    ["echo hello | sed 's/l/L/g'", 'heLLo\n'],
    ["echo hello | sed 's/l/L/2'", 'helLo\n'],
    ["echo a/b/c | sed 's|/|:|g'", 'a:b:c\n'],
    ["echo a/b | sed 's/\\//|/'", 'a|b\n'],
    ["echo web-1 | sed 's/\\(web\\)-\\([0-9]\\)/\\2-\\1/'", '1-web\n'],
    ["echo web-1 | sed -E 's/(web)-([0-9])/\\2-\\1/'", '1-web\n'],
    ["echo 'a 12 b 345' | sed 's/[0-9]\\+/N/g'", 'a N b N\n'],
    ["echo abc | sed 's/b/[&&]/'", 'a[bb]c\n'],
    ["echo Running | sed 's/i/I/gi'", 'RunnIng\n'],
    ["echo 'a b' | sed 's/ /\\n/'", 'a\nb\n'],
    ["echo abc | sed y/abc/xyz/", 'xyz\n'],
    ["sed -n '/web/p' pods.txt", 'web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 5m\n'],
    ["sed '/web/d' pods.txt", 'NAME READY STATUS RESTARTS AGE\ndb-0 1/1 Running 3 2d\ncache-7 1/1 Running 10 1h\n'],
    ["sed '/web/!d' pods.txt", 'web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 5m\n'],
    ['sed -n 2p pods.txt', 'web-1 1/1 Running 0 5m\n'],
    ["sed '2,4d' pods.txt", 'NAME READY STATUS RESTARTS AGE\ncache-7 1/1 Running 10 1h\n'],
    ["sed '$d' nonl.txt", 'one\ntwo\n'],
    ["sed -n '$p' nonl.txt", 'three'],
    ['sed p nonl.txt', 'one\none\ntwo\ntwo\nthree\nthree'],
    ["sed '/web-1/,/db/d' pods.txt", 'NAME READY STATUS RESTARTS AGE\ncache-7 1/1 Running 10 1h\n'],
    ["sed -n '/web-2/,$p' pods.txt", 'web-2 0/1 Pending 0 5m\ndb-0 1/1 Running 3 2d\ncache-7 1/1 Running 10 1h\n'],
    ["sed -n '/web/{s/web/W/;p}' pods.txt", 'W-1 1/1 Running 0 5m\nW-2 0/1 Pending 0 5m\n'],
    ["sed '2q' pods.txt", 'NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\n'],
    ['sed = nonl.txt', '1\none\n2\ntwo\n3\nthree'],
    ["sed -e 's/a/A/g' -e 's/1/one/' csv.txt", 'A,b,c\none,2,3\nx,,z\nnodelim\n'],
    ["sed 's/o/0/' nonl.txt csv.txt", '0ne\ntw0\nthree\na,b,c\n1,2,3\nx,,z\nn0delim\n'],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });
});

describe('sed files and errors', () => {
  it('edits in place with -i', async () => {
    const t = testShell({ files: { 'web.yaml': 'image: nginx:1.25\n' } });
    expect((await t.run("sed -i 's/1.25/1.27/' web.yaml")).output).toBe('');
    expect(t.shell.fs.read('web.yaml')).toBe('image: nginx:1.27\n');
  });

  it('words script errors as GNU sed does', async () => {
    expect(await out("sed 's/x/y' pods.txt")).toBe("sed: -e expression #1, char 5: unterminated `s' command\n");
    expect(await out("sed 'k' pods.txt")).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
    expect(await out("sed 's/a/b/z' pods.txt")).toBe("sed: -e expression #1, char 7: unknown option to `s'\n");
    expect(await out("sed 's/a/b/' nope.txt")).toBe("sed: can't read nope.txt: No such file or directory\n");
    expect((await testShell().run('sed')).status).toBe(1);
  });
});
