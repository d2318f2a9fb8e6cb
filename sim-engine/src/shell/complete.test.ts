import { describe, it, expect } from 'vitest';
import { testShell } from './testing.ts';
import type { Completer } from './complete.ts';

const kubectl = () => 0;
const files = { 'web.yaml': '', 'web-svc.yaml': '', 'my file.txt': '', '.hidden': '', 'k8s/deploy.yaml': '', 'k8s/sub/x': '' };

function shell(completers: Record<string, Completer> = {}) {
  return testShell({ programs: { kubectl }, files, completers }).shell;
}

function at(line: string, completers?: Record<string, Completer>) {
  return shell(completers).complete(line, line.length);
}

describe('command completion', () => {
  it('offers builtins, tools, programs and aliases in command position', () => {
    expect(at('wh')).toEqual({ start: 0, candidates: ['which', 'while', 'whoami'] });
    expect(at('k')).toEqual({ start: 0, candidates: ['k', 'kubectl'] });
    expect(at('ls | gr')).toEqual({ start: 5, candidates: ['grep'] });
    expect(at('X=1 ec')).toEqual({ start: 4, candidates: ['echo'] });
    expect(at('true && ca').candidates).toEqual(['cat']);
    expect(at('for n in a b; do kube').candidates).toEqual(['kubectl']);
    expect(at('if true; then ec').candidates).toEqual(['echo']);
  });

  it('looks through wrappers such as watch and timeout', () => {
    expect(at('watch -n 1 kube').candidates).toEqual(['kubectl']);
    expect(at('timeout 5 kube').candidates).toEqual(['kubectl']);
    expect(at('timeout ').candidates).toEqual(['k8s/', 'my\\ file.txt', 'web-svc.yaml', 'web.yaml']);
  });
});

describe('file completion', () => {
  it('completes names in the working directory, marking directories and escaping blanks', () => {
    expect(at('cat we')).toEqual({ start: 4, candidates: ['web-svc.yaml', 'web.yaml'] });
    expect(at('cat my')).toEqual({ start: 4, candidates: ['my\\ file.txt'] });
    expect(at('cd k')).toEqual({ start: 3, candidates: ['k8s/'] });
    expect(at('cat k8s/')).toEqual({ start: 4, candidates: ['k8s/deploy.yaml', 'k8s/sub/'] });
    expect(at('cat .h').candidates).toEqual(['.hidden']);
    expect(at('cat ~/k8s/d').candidates).toEqual(['~/k8s/deploy.yaml']);
    expect(at('echo hi > web-').candidates).toEqual(['web-svc.yaml']);
    expect(at('cat nope/').candidates).toEqual([]);
  });

  it('completes variables after $', () => {
    expect(at('echo $HO')).toEqual({ start: 5, candidates: ['$HOME', '$HOSTNAME'] });
  });

  it('uses the cursor position, not the end of the line', () => {
    expect(shell().complete('cat we | wc', 6)).toEqual({ start: 4, candidates: ['web-svc.yaml', 'web.yaml'] });
  });
});

describe('program completers', () => {
  const seen: [string[], string][] = [];
  const completer: Completer = (words, current) => {
    seen.push([words, current]);
    if (words.length === 1) return ['get', 'describe', 'delete', 'apply'];
    if (words[1] === 'get' && words.length === 2) return ['pods', 'services', 'deployments'];
    return [];
  };

  it('receives the words before the cursor with aliases resolved, and its candidates are filtered by prefix', () => {
    expect(at('kubectl ge', { kubectl: completer })).toEqual({ start: 8, candidates: ['get'] });
    expect(at('k get p', { kubectl: completer })).toEqual({ start: 6, candidates: ['pods'] });
    expect(seen[seen.length - 1]).toEqual([['kubectl', 'get'], 'p']);
    expect(at('watch kubectl d', { kubectl: completer }).candidates).toEqual(['delete', 'describe']);
  });

  it('falls back to file names when the completer has nothing, as with complete -o default', () => {
    expect(at('kubectl apply -f we', { kubectl: completer }).candidates).toEqual(['web-svc.yaml', 'web.yaml']);
  });
});
