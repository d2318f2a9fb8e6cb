/**
 * npm run new:lesson -- <chapter> <slug> [--dry-run] [--content DIR]
 *
 * Scaffolds `content/<chapter>/<NN-slug>.mdx` (NN = the chapter's next number) with frontmatter,
 * a short template text and runnable command blocks, and `<NN-slug>.exercise.yaml` with one
 * exercise (scenario, tasks with checks and hints, a solution) and a quiz question, ready to
 * pass `npm run check:content`. The chapter may be given as its folder (`03-pods`), its number
 * (`3`) or its slug (`pods`). It never overwrites a file.
 */
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = 'usage: new-lesson <chapter> <slug> [--dry-run] [--content DIR]\n  e.g. npm run new:lesson -- 03-pods pod-labels\n';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LESSON = /^(\d\d)-([a-z0-9-]+)\.mdx$/;

/** ScaffoldOptions say where and what to scaffold. */
export interface ScaffoldOptions {
  contentDir: string;
  chapter: string;
  slug: string;
}

/** ScaffoldedFile is one file the scaffold writes. */
export interface ScaffoldedFile {
  path: string;
  content: string;
}

/** ScaffoldError is a problem with the arguments, said plainly. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

/** resolveChapter finds a chapter folder from its folder name, number or slug. */
export function resolveChapter(contentDir: string, chapter: string): string {
  if (!existsSync(contentDir)) throw new ScaffoldError(`no content folder at ${contentDir}`);
  const chapters = readdirSync(contentDir)
    .filter((d) => /^\d\d-/.test(d) && statSync(join(contentDir, d)).isDirectory() && existsSync(join(contentDir, d, 'chapter.yaml')))
    .sort();
  const found = chapters.find((d) => d === chapter || (/^\d+$/.test(chapter) && Number(d.slice(0, 2)) === Number(chapter)) || d.slice(3) === chapter);
  if (!found) throw new ScaffoldError(`unknown chapter "${chapter}"; the chapters are: ${chapters.join(', ')}`);
  return found;
}

/** planLesson works out the files a new lesson needs, refusing anything that would clash. */
export function planLesson(opts: ScaffoldOptions): ScaffoldedFile[] {
  const chapter = resolveChapter(opts.contentDir, opts.chapter);
  if (/^\d+-/.test(opts.slug)) throw new ScaffoldError(`give the slug without a number ("${opts.slug.replace(/^\d+-/, '')}"): the next number in the chapter is chosen for you`);
  if (!SLUG.test(opts.slug)) throw new ScaffoldError(`slug "${opts.slug}" must be lowercase words joined by dashes, such as "pod-labels"`);
  const dir = join(opts.contentDir, chapter);
  const lessons = readdirSync(dir).map((f) => LESSON.exec(f)).filter((m): m is RegExpExecArray => m !== null);
  const same = lessons.find((m) => m[2] === opts.slug);
  if (same) throw new ScaffoldError(`${join(dir, same[0])} already exists; pick another slug (or edit that lesson)`);
  const next = String(Math.max(0, ...lessons.map((m) => Number(m[1]))) + 1).padStart(2, '0');
  if (Number(next) > 99) throw new ScaffoldError(`chapter ${chapter} already has 99 lessons`);
  const name = `${next}-${opts.slug}`;
  const files = [
    { path: join(dir, `${name}.mdx`), content: lessonTemplate(opts.slug) },
    { path: join(dir, `${name}.exercise.yaml`), content: exerciseTemplate(opts.slug) },
  ];
  for (const f of files) if (existsSync(f.path)) throw new ScaffoldError(`${f.path} already exists; not overwriting it`);
  return files;
}

/** scaffoldLesson writes the planned files (unless dryRun) and returns them. */
export function scaffoldLesson(opts: ScaffoldOptions & { dryRun?: boolean }): ScaffoldedFile[] {
  const files = planLesson(opts);
  if (!opts.dryRun) for (const f of files) writeFileSync(f.path, f.content, { flag: 'wx' });
  return files;
}

function titleOf(slug: string): string {
  const words = slug.split('-').join(' ');
  return words[0]!.toUpperCase() + words.slice(1);
}

function lessonTemplate(slug: string): string {
  return `---
title: ${titleOf(slug)}
description: One or two sentences on what this lesson teaches; shown under the title and in search results.
sandbox: true
---

Start with what the learner will be able to do by the end of the lesson, and why it matters.
Keep paragraphs short, and show a command as soon as there is something to try.

## Try it

Every command on this page must run in the sandbox beside it. Check them with
\`npm run ksim\` (see docs/authoring.md) before you publish.

\`\`\`bash
kubectl get nodes
\`\`\`

\`\`\`bash
kubectl run hello --image=nginx:1.25
\`\`\`

\`\`\`bash
kubectl get pods
\`\`\`

Explain what the output means, line by line if it helps.

## Recap

- One line per idea the learner should keep.
`;
}

function exerciseTemplate(slug: string): string {
  return `# Exercises and quiz for "${titleOf(slug)}". The format is in docs/authoring.md.
# \`npm run check:content\` replays each solution and proves that every check
# fails on the start state and passes after the solution.
exercises:
  - id: ${slug}
    title: Run a pod and keep it running
    description: Replace this exercise with one about the lesson's topic.
    points: 10
    # Where the sandbox starts. Empty is the default cluster; add objects, files, settleSeconds…
    scenario:
      settleSeconds: 0
    tasks:
      - title: Run a pod named hello from the image nginx:1.25
        checks:
          - id: hello-exists
            type: exists
            description: A pod named hello exists.
            kind: Pod
            name: hello
          - id: hello-image
            type: field
            description: Its container runs nginx:1.25.
            kind: Pod
            name: hello
            path: spec.containers[0].image
            equals: nginx:1.25
        hints:
          - "\`kubectl run\` creates a single pod from an image."
          - "\`kubectl run hello --image=nginx:1.25\`"
      - title: Keep it Running and Ready for 10 seconds
        checks:
          - id: hello-stable
            type: stableFor
            description: The pod hello has been Running and Ready for 10 seconds.
            seconds: 10
            check:
              type: podsReady
              pod: hello
        hints:
          - "\`kubectl get pods\` shows READY 1/1 and STATUS Running once it is up."
    solution: |
      kubectl run hello --image=nginx:1.25
      sleep 5
      kubectl get pods

quiz:
  - question: Replace this question. Which command lists the pods in the current namespace?
    choices:
      - kubectl get pods
      - kubectl list pods
      - kubectl pods
    correct: 0
    explanation: "\`kubectl get\` lists objects of a kind; \`pods\` is the kind."
`;
}

/** runNewLesson is the command line; it returns the exit status. */
export function runNewLesson(argv: string[], out: { write(t: string): void } = process.stdout): number {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, content: { type: 'string', default: 'content' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    out.write(`new-lesson: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.write(USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    out.write(`new-lesson: expected a chapter and a slug\n${USAGE}`);
    return 2;
  }
  const [chapter, slug] = positionals as [string, string];
  try {
    const files = scaffoldLesson({ contentDir: values.content, chapter, slug, dryRun: values['dry-run'] });
    const verb = values['dry-run'] ? 'would create' : 'created';
    for (const f of files) out.write(`${verb} ${relative(process.cwd(), f.path)}\n`);
    if (!values['dry-run']) out.write('next: write the lesson, adapt the exercise, then run `npm run check:content` and `npm run dev`\n');
    return 0;
  } catch (e) {
    if (e instanceof ScaffoldError) {
      out.write(`new-lesson: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = runNewLesson(process.argv.slice(2));
}
