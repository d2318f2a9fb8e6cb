/**
 * The exercise panels' and quizzes' script, loaded only on lessons that have them. It wires each
 * panel to the lesson's sandbox: Start resets the sandbox and grades the tasks as the cluster
 * changes; hints reveal one at a time; Show solution types the first command at the prompt.
 * The grading engine is imported only when an exercise starts, so reading costs nothing.
 */
import type { SandboxController } from '../sandbox/controller.ts';
import { firstCommand, gradeTasks as gradeWith, throttle, type ExerciseData, type ExerciseGrade } from './grading.ts';
import { loadProgress, quizScore, updateProgress, type ExerciseProgress } from './progress.ts';

type Host = HTMLElement & { sandbox?: SandboxController };

/** Fired on the document when an exercise takes the sandbox; `detail` is its id. */
const EXERCISE_STARTED = 'wh-exercise-started';

function sandboxController(): Promise<SandboxController> {
  return new Promise((resolve, reject) => {
    const host = document.querySelector<Host>('wh-sandbox');
    if (!host) return reject(new Error('This lesson has no sandbox.'));
    if (host.sandbox) return resolve(host.sandbox);
    host.addEventListener('wh-sandbox-ready', () => resolve(host.sandbox!), { once: true });
    // The sandbox loads when it scrolls into view: bring it there.
    host.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  });
}

function exerciseEntry(id: string): ExerciseProgress {
  return loadProgress().exercises[id] ?? { done: false, score: 0, attempts: 0, hintsUsed: 0 };
}

function saveExercise(id: string, change: (e: ExerciseProgress) => void): void {
  updateProgress((p) => {
    const e = p.exercises[id] ?? { done: false, score: 0, attempts: 0, hintsUsed: 0 };
    change(e);
    e.updatedAt = Date.now();
    p.exercises[id] = e;
  });
}

function setupExercise(root: HTMLElement): void {
  const dataEl = root.querySelector<HTMLScriptElement>('script[data-exercise-data]');
  if (!dataEl) return;
  const data = JSON.parse(dataEl.textContent ?? '{}') as ExerciseData;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const celebrate = root.querySelector<HTMLElement>('[data-celebrate]')!;
  const start = root.querySelector<HTMLButtonElement>('[data-start]')!;
  const leave = root.querySelector<HTMLButtonElement>('[data-leave]')!;
  const taskEls = [...root.querySelectorAll<HTMLElement>('[data-task]')];

  const showTasks = (grade: ExerciseGrade | undefined, doneAll: boolean) => {
    taskEls.forEach((el, i) => {
      const t = grade?.tasks[i];
      const done = doneAll || t?.done === true;
      el.dataset.state = done ? 'done' : t ? 'open' : 'idle';
      el.querySelector<HTMLElement>('[data-mark]')!.textContent = done ? '✓' : '';
      el.querySelector<HTMLElement>('[data-mark-label]')!.textContent = done ? 'Done: ' : '';
      const msg = el.querySelector<HTMLElement>('[data-message]')!;
      msg.textContent = !done && t?.message ? t.message : '';
      msg.hidden = msg.textContent === '';
    });
  };
  const showCelebration = (score: number) => {
    celebrate.hidden = false;
    celebrate.textContent = `✓ Exercise complete: ${score} of ${data.points} points.`;
    root.dataset.done = 'true';
  };

  const saved = exerciseEntry(data.id);
  if (saved.done) {
    showTasks(undefined, true);
    showCelebration(saved.score);
  }

  // Hints: all visible without JavaScript; here they are revealed one at a time.
  root.querySelectorAll<HTMLElement>('[data-hints]').forEach((box) => {
    const items = [...box.querySelectorAll<HTMLElement>('li')];
    const button = box.querySelector<HTMLButtonElement>('[data-hint-button]')!;
    items.forEach((li) => (li.hidden = true));
    box.querySelector<HTMLElement>('ol')!.hidden = true;
    const hintsLabel = box.querySelector<HTMLElement>('[data-hints-label]');
    if (hintsLabel) hintsLabel.hidden = true;
    let shown = 0;
    const label = () => {
      button.textContent = shown === 0 ? 'Show a hint' : 'Show another hint';
      button.hidden = shown >= items.length;
    };
    button.hidden = false;
    label();
    button.addEventListener('click', () => {
      if (shown >= items.length) return;
      box.querySelector<HTMLElement>('ol')!.hidden = false;
      if (hintsLabel) hintsLabel.hidden = false;
      items[shown]!.hidden = false;
      shown++;
      label();
      saveExercise(data.id, (e) => (e.hintsUsed += 1));
    });
  });

  let controller: SandboxController | undefined;
  let stop: (() => void) | undefined;

  // Show solution: the full script is in the <details>; opening it also types the first command.
  const solution = root.querySelector<HTMLDetailsElement>('[data-solution]');
  solution?.addEventListener('toggle', async () => {
    if (!solution.open) return;
    try {
      const c = controller ?? (await sandboxController());
      const { splitCommands } = await import('@wheelhouse/sim-engine');
      const first = firstCommand(data.solution, (s) => splitCommands(s, c.session));
      if (first) c.typeInTerminal(first);
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  });

  // One exercise at a time: starting another one ends this one's grading.
  document.addEventListener(EXERCISE_STARTED, (e) => {
    if ((e as CustomEvent<string>).detail === data.id || !stop) return;
    stop();
    delete root.dataset.active;
    leave.hidden = true;
    start.textContent = 'Start exercise';
    status.textContent = 'Another exercise on this page took over the sandbox.';
  });

  leave.addEventListener('click', () => {
    stop?.();
    controller?.startFrom(undefined);
    delete root.dataset.active;
    leave.hidden = true;
    start.textContent = 'Start exercise';
    status.textContent = "You left the exercise: the sandbox is back at the lesson's start.";
    showTasks(undefined, exerciseEntry(data.id).done);
  });

  start.hidden = false;
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      stop?.();
      const c = (controller = await sandboxController());
      // Grading loads now, not with the sandbox: most readers never start an exercise.
      const engine = await import('@wheelhouse/sim-engine/grading');
      document.dispatchEvent(new CustomEvent(EXERCISE_STARTED, { detail: data.id }));
      // The sandbox now starts from the exercise's own cluster; its Reset restarts the exercise.
      c.startFrom(data.scenario);
      saveExercise(data.id, (e) => (e.attempts += 1));
      const allChecks = data.tasks.flatMap((t) => t.checks);
      let history = new engine.CheckHistory(c.session.cluster, { checks: allChecks });
      const onReset = () => {
        saveExercise(data.id, (e) => (e.attempts += 1));
        history.dispose();
        history = new engine.CheckHistory(c.session.cluster, { checks: allChecks });
        update();
      };
      const host = document.querySelector('wh-sandbox')!;
      let finished = exerciseEntry(data.id).done;
      const update = throttle(() => {
        const g = gradeNow();
        showTasks(g, false);
        if (g.done && !finished) {
          finished = true;
          saveExercise(data.id, (e) => {
            e.done = true;
            e.score = Math.max(e.score, g.score);
          });
          showCelebration(g.score);
        }
      }, 300);
      const gradeNow = () => gradeWith(data, (checks) => engine.evaluateChecks(c.session.cluster, checks, history));
      const unsubscribe = c.onChange(update);
      host.addEventListener('wh-sandbox-reset', onReset);
      stop = () => {
        unsubscribe();
        host.removeEventListener('wh-sandbox-reset', onReset);
        history.dispose();
        stop = undefined;
      };
      root.dataset.active = 'true';
      status.textContent = "Exercise started: the sandbox now holds this exercise's cluster, and its Reset restarts the exercise. Work in the terminal; the tasks tick as you go.";
      showTasks(gradeNow(), false);
      start.textContent = 'Restart exercise';
      leave.hidden = false;
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      start.disabled = false;
    }
  });
}

function setupQuiz(root: HTMLElement): void {
  const lessonId = root.dataset.quizId!;
  const questions = [...root.querySelectorAll<HTMLElement>('[data-question]')];
  const saved = loadProgress().quizzes[lessonId];
  const showScore = () => {
    const q = loadProgress().quizzes[lessonId];
    const el = root.querySelector<HTMLElement>('[data-quiz-score]')!;
    if (!q) return;
    el.hidden = false;
    el.textContent = `Quiz score: ${quizScore(q)} of ${questions.length}.`;
  };
  for (const qEl of questions) {
    const qid = qEl.dataset.question!;
    const correct = JSON.parse(qEl.dataset.correct ?? '[]') as number[];
    const inputs = [...qEl.querySelectorAll<HTMLInputElement>('input')];
    const button = qEl.querySelector<HTMLButtonElement>('[data-check]')!;
    const feedback = qEl.querySelector<HTMLElement>('[data-feedback]')!;
    const verdict = qEl.querySelector<HTMLElement>('[data-verdict]')!;
    const show = (picks: number[]) => {
      const right = picks.length === correct.length && correct.every((i) => picks.includes(i));
      feedback.hidden = false;
      feedback.dataset.right = String(right);
      verdict.textContent = right ? '✓ Right.' : picks.length === 0 ? 'Pick an answer first.' : '✗ Not quite.';
      feedback.querySelector<HTMLElement>('[data-explanation]')!.hidden = picks.length === 0;
      return right;
    };
    button.hidden = false;
    button.addEventListener('click', () => {
      const picks = inputs.filter((i) => i.checked).map((i) => Number(i.value));
      const right = show(picks);
      if (picks.length === 0) return;
      updateProgress((p) => {
        const q = p.quizzes[lessonId] ?? { answers: {} };
        q.answers[qid] = { picks, correct: right };
        q.updatedAt = Date.now();
        p.quizzes[lessonId] = q;
      });
      showScore();
    });
    const prior = saved?.answers[qid];
    if (prior) {
      inputs.forEach((i) => (i.checked = prior.picks.includes(Number(i.value))));
      show(prior.picks);
    }
  }
  showScore();
}

document.querySelectorAll<HTMLElement>('[data-exercise]').forEach(setupExercise);
document.querySelectorAll<HTMLElement>('[data-quiz-id]').forEach(setupQuiz);
