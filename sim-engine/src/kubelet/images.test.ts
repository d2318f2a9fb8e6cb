import { describe, it, expect } from 'vitest';
import { CATALOG, findImage, parseImage } from './images.ts';
import { planProcess } from './process.ts';

describe('parseImage', () => {
  it('normalises references the way containerd does', () => {
    expect(parseImage('nginx')?.normalized).toBe('docker.io/library/nginx:latest');
    expect(parseImage('nginx:1.25')?.normalized).toBe('docker.io/library/nginx:1.25');
    expect(parseImage('wheelhouse/hello:v2')?.normalized).toBe('docker.io/wheelhouse/hello:v2');
    expect(parseImage('registry.k8s.io/pause:3.10')?.normalized).toBe('registry.k8s.io/pause:3.10');
    expect(parseImage('localhost:5000/app')?.normalized).toBe('localhost:5000/app:latest');
  });

  it('rejects invalid references', () => {
    expect(parseImage('Nginx')).toBeUndefined();
    expect(parseImage('nginx:')).toBeUndefined();
    expect(parseImage('nginx latest')).toBeUndefined();
  });

  it('finds catalogued images and nothing else', () => {
    expect(findImage(parseImage('nginx:1.25')!)?.repository).toBe('docker.io/library/nginx');
    expect(findImage(parseImage('nginx:doesnotexist')!)).toBeUndefined();
    expect(findImage(parseImage('nginx')!)?.sizeBytes).toBe(72955450);
  });

  it('has unique, well-formed digests', () => {
    const digests = CATALOG.map((i) => i.digest);
    expect(new Set(digests).size).toBe(digests.length);
    for (const d of digests) expect(d).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('planProcess', () => {
  const server = { kind: 'server' as const, startupLogs: ['ready'], stopMs: 150 };
  const shell = { kind: 'shell' as const };

  it('runs a server until stopped', () => {
    expect(planProcess(server, undefined, undefined)).toEqual({ exitCode: 0, logs: ['ready'], stopMs: 150 });
  });

  it('exits a bare shell at once (no terminal attached)', () => {
    expect(planProcess(shell, undefined, undefined)).toEqual({ script: '', exitCode: 0, logs: [] });
    expect(planProcess(shell, ['sh'], undefined)).toEqual({ script: '', exitCode: 0, logs: [] });
  });

  it('hands shell commands to the container-script interpreter, which ignores SIGTERM', () => {
    expect(planProcess(shell, ['sleep', '5'], undefined)).toEqual({ script: 'sleep 5', exitCode: 0, logs: [] });
    expect(planProcess(shell, ['sh', '-c'], ['echo hi; sleep 2; exit 4'])).toEqual({ script: 'echo hi; sleep 2; exit 4', exitCode: 0, logs: [] });
    expect(planProcess(shell, ['echo', 'a b', "it's"], undefined).script).toBe(`echo 'a b' 'it'\\''s'`);
    expect(planProcess(shell, ['sleep', '3600'], undefined).stopMs).toBeUndefined();
  });
});
