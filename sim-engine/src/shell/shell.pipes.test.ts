import { describe, it, expect } from 'vitest';
import { testShell } from './testing.ts';
import { PODS } from './tools/fixtures.ts';
import type { Program } from './types.ts';

// A kubectl that prints a pod table, so every pipeline starts the way lessons do. Expected
// outputs were checked against bash and GNU tools with `cat pods.txt` in kubectl's place.
const kubectl: Program = (ctx) => {
  ctx.stdout(PODS);
  return 0;
};

describe('pipelines through every tool', () => {
  it.each([
    ["kubectl get pods | grep Running | awk '{print $1}' | sort -r", 'web-1\ndb-0\ncache-7\n'],
    ["kubectl get pods | tail -n +2 | sort -k4 -n | head -n 2 | cut -d' ' -f1,4", 'web-1 0\nweb-2 0\n'],
    ["kubectl get pods | awk 'NR>1 {print $3}' | sort | uniq -c | sort -rn", '      3 Running\n      1 Pending\n'],
    ['kubectl get pods | grep -v NAME | wc -l', '4\n'],
    ["kubectl get pods | sed -n '2,3p' | tr a-z A-Z", 'WEB-1 1/1 RUNNING 0 5M\nWEB-2 0/1 PENDING 0 5M\n'],
    ["kubectl get pods | awk '{print $1}' | xargs -n 2 echo pair", 'pair NAME web-1\npair web-2 db-0\npair cache-7\n'],
    ["kubectl get pods | grep -o 'web-[0-9]' | tee names.txt | wc -w", '2\n'],
    ["kubectl get pods | head -n 1 | tr -s ' ' '\\n' | tail -n 2", 'RESTARTS\nAGE\n'],
    ['kubectl get pods | cut -c1-5 | uniq | head -3', 'NAME \nweb-1\nweb-2\n'],
    ["kubectl get pods | grep -c -E 'Pending|CrashLoop'", '1\n'],
    ["kubectl get pods | sort -t' ' -k5 | awk '{print $5}'", '1h\n2d\n5m\n5m\nAGE\n'],
    ["kubectl get pods | sed 's/ \\+/,/g' | cut -d, -f1,3 | grep -i run", 'web-1,Running\ndb-0,Running\ncache-7,Running\n'],
    ["echo -n admin | base64 | tr -d '\\n' | wc -c", '8\n'],
    ['kubectl get pods | base64 | base64 -d | head -c 4', 'NAME'],
    ['k get pods | cat | cat -n | tail -1', '     5\tcache-7 1/1 Running 10 1h\n'],
  ])('%s', async (cmd, want) => {
    const r = await testShell({ programs: { kubectl } }).run(cmd);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(want);
  });

  it('leaves a file behind from tee in the middle of a pipe', async () => {
    const t = testShell({ programs: { kubectl } });
    await t.run("kubectl get pods | grep -o 'web-[0-9]' | tee names.txt | wc -w");
    expect(t.shell.fs.read('names.txt')).toBe('web-1\nweb-2\n');
  });
});
