import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { FILES } from './fixtures.ts';

async function out(cmd: string): Promise<string> {
  const r = await testShell({ files: FILES }).run(cmd);
  return r.stderr + r.stdout;
}

describe('awk programs', () => {
  it.each([
    ["awk '{print $1}' pods.txt", 'NAME\nweb-1\nweb-2\ndb-0\ncache-7\n'],
    ["awk '{print $1, $3}' pods.txt", 'NAME STATUS\nweb-1 Running\nweb-2 Pending\ndb-0 Running\ncache-7 Running\n'],
    ["awk -F, '{print $2}' csv.txt", 'b\n2\n\n\n'],
    ["awk 'NR>1 {print $1}' pods.txt", 'web-1\nweb-2\ndb-0\ncache-7\n'],
    ["awk '/web/ {print $NF}' pods.txt", '5m\n5m\n'],
    ["awk -F, '{print NF}' csv.txt", '3\n3\n3\n1\n'],
    ["awk 'NR==2' pods.txt", 'web-1 1/1 Running 0 5m\n'],
    ["awk '$4 > 2 {print $1 \":\" $4}' pods.txt", 'NAME:RESTARTS\ndb-0:3\ncache-7:10\n'],
    ["awk '{s += $4} END {print s}' pods.txt", '13\n'],
    ["awk 'BEGIN {print \"start\"} {n++} END {print n \" lines\"}' pods.txt", 'start\n5 lines\n'],
    ["awk '{printf \"%-8s|%3d\\n\", $1, $4}' pods.txt", 'NAME    |  0\nweb-1   |  0\nweb-2   |  0\ndb-0    |  3\ncache-7 | 10\n'],
    ["awk '$3 == \"Running\" {print $1}' pods.txt", 'web-1\ndb-0\ncache-7\n'],
    ["awk '$3 !~ /Run/' pods.txt", 'NAME READY STATUS RESTARTS AGE\nweb-2 0/1 Pending 0 5m\n'],
    ["awk '{print substr($1, 1, 3), length($1), toupper($3)}' pods.txt", 'NAM 4 STATUS\nweb 5 RUNNING\nweb 5 PENDING\ndb- 4 RUNNING\ncac 7 RUNNING\n'],
    ["awk -F'\\t' '{print $2}' tabs.txt", 'v\nv2\n'],
    ["awk '{ $2 = \"X\"; print }' nonl.txt", 'one X\ntwo X\nthree X\n'],
    ["awk 'NR==1 {next} {print $1}' pods.txt", 'web-1\nweb-2\ndb-0\ncache-7\n'],
    ["awk '{ if ($4 > 2) print $1; else print \"-\" }' pods.txt", 'NAME\n-\n-\ndb-0\ncache-7\n'],
    ["awk '{gsub(/[0-9]/, \"#\"); print}' nonl.txt csv.txt", 'one\ntwo\nthree\na,b,c\n#,#,#\nx,,z\nnodelim\n'],
    ["awk -v x=5 'BEGIN {print x + 1, 1/3, 10 % 3, 2^10, -3}'", '6 0.333333 1 1024 -3\n'],
    ["awk '{print $(NF-1)}' pods.txt", 'RESTARTS\n0\n0\n3\n10\n'],
    ["awk '$1 > 5' words.txt", 'banana\napple\nBanana\ncherry\napple\napple pie\n10\n9\n'],
    ["awk 'NR == 2, NR == 3 {print $1}' pods.txt", 'web-1\nweb-2\n'],
    ["awk 'BEGIN { if (x == 0) print \"zero\"; if (x == \"\") print \"empty\" }'", 'zero\nempty\n'],
    ["echo '3 4' | awk '{print $1 * $2, $1 / $2, $1 - $2}'", '12 0.75 -1\n'],
    ["awk '{print $2}' FS=, csv.txt", 'b\n2\n\n\n'],
  ])('%s', async (cmd, want) => {
    expect(await out(cmd)).toBe(want);
  });

  it('redirects print into files', async () => {
    const t = testShell({ files: FILES });
    await t.run("awk '{ print $1 > \"names\" }' pods.txt");
    expect(t.shell.fs.read('names')).toBe('NAME\nweb-1\nweb-2\ndb-0\ncache-7\n');
  });

  it('points at syntax errors and unsupported features', async () => {
    expect(await out("awk '{print $1' pods.txt")).toBe('awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n');
    expect(await out("awk '!seen[$0]++' words.txt")).toBe('awk: cmd. line:1: !seen[$0]++\nawk: cmd. line:1:      ^ arrays are not supported in this sandbox\n');
    expect(await out("awk '{for (i = 1; i <= NF; i++) print $i}' pods.txt")).toBe(
      'awk: cmd. line:1: {for (i = 1; i <= NF; i++) print $i}\nawk: cmd. line:1:  ^ `for\' is not supported in this sandbox\n',
    );
    expect(await out("awk '{print | \"sort\"}' pods.txt")).toBe('awk: cmd. line:1: {print | "sort"}\nawk: cmd. line:1:        ^ pipes to commands are not supported in this sandbox\n');
  });
});
