import { describe, it, expect } from 'vitest';
import { testShell } from '../testing.ts';
import { formatPrintf } from './printf.ts';

async function run(cmd: string): Promise<{ stdout: string; stderr: string; status: number }> {
  return testShell().run(cmd);
}

describe('printf', () => {
  it('formats %s and %d with escapes in the format', async () => {
    expect((await run('printf "%s is %d\\n" web 3')).stdout).toBe('web is 3\n');
    expect((await run("printf '100%%\\n'")).stdout).toBe('100%\n');
  });

  it('reuses the format while arguments remain and fills missing ones', async () => {
    expect((await run('printf "%s=%s\\n" a 1 b 2 c')).stdout).toBe('a=1\nb=2\nc=\n');
    expect((await run('printf "x\\n" ignored')).stdout).toBe('x\n');
  });

  it('supports widths, precision and flags', async () => {
    expect((await run('printf "[%5s][%-5s][%.2s][%05d][%+d][%x][%o][%c]\\n" ab ab abc 42 7 255 8 xyz')).stdout).toBe('[   ab][ab   ][ab][00042][+7][ff][10][x]\n');
    expect((await run('printf "%.3f %e %g\\n" 3.14159 1500 0.0001')).stdout).toBe('3.142 1.500000e+03 0.0001\n');
  });

  it('sets a variable with -v', async () => {
    const t = testShell();
    await t.run('printf -v NAME "%s-%s" web 1');
    expect((await t.run('echo $NAME')).stdout).toBe('web-1\n');
  });

  it('reports bad numbers and directives as bash does', async () => {
    expect(await run('printf "%d\\n" abc')).toMatchObject({ stdout: '0\n', stderr: 'bash: printf: abc: invalid number\n', status: 1 });
    expect(await run('printf "%z"')).toMatchObject({ stderr: "bash: printf: `z': invalid format character\n", status: 1 });
    expect(await run('printf')).toMatchObject({ stderr: 'bash: printf: usage: printf [-v var] format [arguments]\n', status: 2 });
  });
});

describe('formatPrintf', () => {
  it('formats once, as awk does', () => {
    expect(formatPrintf('%s:%d %s', ['a', '3.7'])).toBe('a:3 ');
    expect(formatPrintf('%.6g', ['1234567.5'])).toBe('1.23457e+06');
    expect(formatPrintf('%.6g', ['100'])).toBe('100');
  });
});
