import { describe, expect, it } from 'vitest';
import { buildCheatSheet, commandGroup, fencedBlocks, isBashBlock, splitShellCommands } from './cheat-sheet.ts';

describe('fencedBlocks', () => {
  it('finds fenced blocks with their info strings, skipping frontmatter', () => {
    const mdx = ['---', 'title: x', '```bash', 'not code: frontmatter', '---', 'Text', '```bash run', 'kubectl get pods', '```', '', '~~~text', 'out', '~~~'].join('\n');
    expect(fencedBlocks(mdx)).toEqual([
      { info: 'bash run', code: 'kubectl get pods' },
      { info: 'text', code: 'out' },
    ]);
  });

  it('keeps blocks shown inside a longer fence whole, and unindents blocks in list items', () => {
    const mdx = ['````mdx', '```bash', 'kubectl run inner --image=nginx', '```', '````', '- Step one:', '', '   ```bash', '   kubectl get nodes', '   ```'].join('\n');
    const blocks = fencedBlocks(mdx);
    expect(blocks).toEqual([
      { info: 'mdx', code: '```bash\nkubectl run inner --image=nginx\n```' },
      { info: 'bash', code: 'kubectl get nodes' },
    ]);
    expect(blocks.filter(isBashBlock).map((b) => b.code)).toEqual(['kubectl get nodes']);
  });

  it('does not take an inline code span with backticks for a fence', () => {
    expect(fencedBlocks('Use ```bash run``` blocks.\n')).toEqual([]);
  });
});

describe('isBashBlock', () => {
  it('takes bash with or without meta, and nothing else', () => {
    expect(isBashBlock({ info: 'bash', code: '' })).toBe(true);
    expect(isBashBlock({ info: 'bash run sandbox=second', code: '' })).toBe(true);
    expect(isBashBlock({ info: 'bashful', code: '' })).toBe(false);
    expect(isBashBlock({ info: 'sh', code: '' })).toBe(false);
    expect(isBashBlock({ info: 'text', code: '' })).toBe(false);
  });
});

describe('splitShellCommands', () => {
  it('gives one command per line, dropping blanks and comments', () => {
    expect(splitShellCommands('kubectl get pods\n\n# then\nkubectl get nodes   \n')).toEqual(['kubectl get pods', 'kubectl get nodes']);
  });

  it('keeps heredocs whole, and continued lines with their command', () => {
    const code = [
      "cat <<'EOF' > web.yaml",
      'apiVersion: v1',
      '# a comment inside the heredoc stays',
      'kind: Pod',
      'EOF',
      'kubectl apply -f web.yaml',
      'kubectl run web \\',
      '  --image=nginx',
      'kubectl get pods |',
      '  grep web',
    ].join('\n');
    expect(splitShellCommands(code)).toEqual([
      "cat <<'EOF' > web.yaml\napiVersion: v1\n# a comment inside the heredoc stays\nkind: Pod\nEOF",
      'kubectl apply -f web.yaml',
      'kubectl run web \\\n  --image=nginx',
      'kubectl get pods |\n  grep web',
    ]);
  });
});

describe('commandGroup', () => {
  it('names kubectl commands by their verb, others by their first word', () => {
    expect(commandGroup('kubectl get pods -o wide')).toBe('kubectl get');
    expect(commandGroup('kubectl -n kube-system get pods')).toBe('kubectl get');
    expect(commandGroup('kubectl --namespace=kube-system describe pod x')).toBe('kubectl describe');
    expect(commandGroup('kubectl')).toBe('kubectl');
    expect(commandGroup("cat <<'EOF' > a.yaml\nkind: Pod\nEOF")).toBe('cat');
    expect(commandGroup('sleep 5')).toBe('sleep');
    expect(commandGroup('KUBECONFIG=x kubectl get nodes')).toBe('kubectl get');
  });
});

describe('buildCheatSheet', () => {
  const chapters = [
    { id: '03-pods', title: 'Working with pods', number: 3 },
    { id: '04-replicasets', title: 'ReplicaSets', number: 4 },
    { id: '05-services', title: 'Services', number: 5 },
  ];
  const lesson = (chapter: string, slug: string, body: string) => ({ chapter, title: slug, href: `/${chapter}/${slug}/`, body });

  it('groups by chapter and command, lists each command once, linked to the lesson that shows it first', () => {
    const sheet = buildCheatSheet(chapters, [
      lesson('03-pods', '01-first', '```bash\nkubectl get nodes\nkubectl run web --image=nginx\n```\n\n```text\nkubectl not-a-command\n```\n\n```bash run\nkubectl get pods\n```'),
      lesson('03-pods', '02-lifecycle', '```bash\nkubectl get pods\nkubectl  run   web --image=nginx\nkubectl describe pod web\n```'),
      lesson('04-replicasets', '01-rs', '```bash\nkubectl get pods\nkubectl get rs\n```'),
      lesson('05-services', '01-svc', 'No commands here.\n```yaml\nkind: Service\n```'),
    ]);
    expect(sheet.map((c) => c.id)).toEqual(['03-pods', '04-replicasets']);
    expect(sheet[0]!.groups.map((g) => [g.name, g.commands.map((c) => `${c.command} @ ${c.href}`)])).toEqual([
      ['kubectl get', ['kubectl get nodes @ /03-pods/01-first/', 'kubectl get pods @ /03-pods/01-first/']],
      ['kubectl run', ['kubectl run web --image=nginx @ /03-pods/01-first/']],
      ['kubectl describe', ['kubectl describe pod web @ /03-pods/02-lifecycle/']],
    ]);
    expect(sheet[1]!.groups).toEqual([{ name: 'kubectl get', commands: [{ command: 'kubectl get rs', href: '/04-replicasets/01-rs/', lessonTitle: '01-rs' }] }]);
  });
});
