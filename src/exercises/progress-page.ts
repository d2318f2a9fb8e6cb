/**
 * The progress page's script: fills each exercise and quiz row with this browser's record,
 * totals each chapter and the course, and exports or imports the record as a file.
 */
import { exportProgress, importProgress, progressFileName } from './progress-file.ts';
import { loadProgress, PROGRESS_KEY, quizScore, type Progress } from './progress.ts';

const page = document.querySelector<HTMLElement>('[data-progress-page]');
if (page) setup(page);

function setup(root: HTMLElement): void {
  const message = root.querySelector<HTMLElement>('[data-message]')!;
  root.querySelector<HTMLElement>('[data-actions]')!.hidden = false;
  render(root, loadProgress());

  root.querySelector<HTMLButtonElement>('[data-export]')!.addEventListener('click', () => {
    const now = new Date();
    const url = URL.createObjectURL(new Blob([exportProgress(loadProgress(), now)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: progressFileName(now) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    message.dataset.kind = 'ok';
    message.textContent = `Saved ${progressFileName(now)}.`;
  });

  const input = root.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importProgress(await file.text(), loadProgress());
    message.dataset.kind = result.ok ? 'ok' : 'error';
    message.textContent = result.message;
    if (!result.ok) return;
    try {
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(result.progress));
    } catch (e) {
      message.dataset.kind = 'error';
      message.textContent = `The progress could not be saved in this browser (${e instanceof Error ? e.message : String(e)}).`;
      return;
    }
    render(root, result.progress);
  });
}

function render(root: HTMLElement, progress: Progress): void {
  let done = 0;
  let total = 0;
  let points = 0;
  let maxPoints = 0;
  for (const chapter of root.querySelectorAll<HTMLElement>('[data-chapter]')) {
    let chapterDone = 0;
    let chapterTotal = 0;
    for (const row of chapter.querySelectorAll<HTMLElement>('[data-exercise-row]')) {
      const max = Number(row.dataset.points);
      const e = progress.exercises[row.dataset.exerciseRow!];
      cell(row, 'status', e ? (e.done ? '✓ Done' : 'Started') : 'Not started');
      cell(row, 'score', `${e ? e.score : '–'} / ${max}`);
      cell(row, 'attempts', String(e?.attempts ?? 0));
      row.dataset.state = e?.done ? 'done' : e ? 'started' : 'new';
      chapterTotal++;
      maxPoints += max;
      points += e?.score ?? 0;
      if (e?.done) chapterDone++;
    }
    for (const row of chapter.querySelectorAll<HTMLElement>('[data-quiz-row]')) {
      const n = Number(row.dataset.questions);
      const q = progress.quizzes[row.dataset.quizRow!];
      const answered = q ? Object.keys(q.answers).length : 0;
      const right = q ? quizScore(q) : 0;
      const complete = answered >= n;
      cell(row, 'status', !q ? 'Not started' : complete ? (right === n ? '✓ All right' : '✓ Answered') : `${answered} of ${n} answered`);
      cell(row, 'score', `${q ? right : '–'} / ${n}`);
      row.dataset.state = complete ? 'done' : q ? 'started' : 'new';
      chapterTotal++;
      if (complete) chapterDone++;
    }
    const summary = chapter.querySelector<HTMLElement>('[data-chapter-summary]');
    if (summary) summary.textContent = chapterTotal ? `${chapterDone} of ${chapterTotal} done` : '';
    done += chapterDone;
    total += chapterTotal;
  }
  const totalEl = root.querySelector<HTMLElement>('[data-total]')!;
  totalEl.hidden = false;
  totalEl.textContent = `${done} of ${total} exercises and quizzes done · ${points} of ${maxPoints} exercise points.`;
}

function cell(row: HTMLElement, name: string, text: string): void {
  const el = row.querySelector<HTMLElement>(`[data-${name}]`);
  if (el) el.textContent = text;
}
