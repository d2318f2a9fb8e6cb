/**
 * The editor's CodeMirror 6 setup: YAML highlighting, live lint diagnostics, and a theme made
 * of light-dark() colours so it follows the colour scheme of the panel it sits in.
 */
import { basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, tooltips } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/** EditorViewOptions are the hooks the panel gives the view. */
export interface EditorViewOptions {
  parent: HTMLElement;
  /** Called after every document change with the new text. */
  onChange(text: string): void;
  /** Returns the problems of `text`; called while the learner types. */
  lint(text: string): Diagnostic[];
  /** Ctrl/Cmd+S */
  onSave(): void;
  /** Ctrl/Cmd+Enter */
  onApply(): void;
  /** The accessible name of the text area. */
  label: string;
}

const highlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--cm-key)' },
  { tag: [t.string, t.special(t.string), t.content], color: 'var(--cm-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--cm-number)' },
  { tag: [t.comment, t.lineComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [t.meta, t.documentMeta, t.separator, t.punctuation, t.squareBracket, t.brace], color: 'var(--cm-punct)' },
  { tag: [t.labelName, t.typeName, t.tagName], color: 'var(--cm-tag)' },
  { tag: t.keyword, color: 'var(--cm-keyword)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--cm-fg)', backgroundColor: 'var(--cm-bg)', fontSize: '0.8125rem' },
  '.cm-scroller': { fontFamily: 'var(--font-mono, ui-monospace, monospace)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--cm-caret)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--cm-caret)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--cm-selection) !important' },
  '.cm-gutters': { backgroundColor: 'var(--cm-gutter-bg)', color: 'var(--cm-muted)', borderRight: '1px solid var(--cm-border)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)', color: 'var(--cm-fg)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--cm-error)',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  '.cm-tooltip': { backgroundColor: 'var(--cm-tooltip-bg)', color: 'var(--cm-fg)', border: '1px solid var(--cm-border)' },
  '.cm-tooltip-lint': { maxWidth: '36rem', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--cm-error)' },
  '.cm-panels': { backgroundColor: 'var(--cm-gutter-bg)', color: 'var(--cm-fg)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--cm-active-line)', border: 'none', color: 'var(--cm-muted)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--cm-selection)', outline: 'none' },
  '.cm-searchMatch': { backgroundColor: 'var(--cm-search)' },
});

/** ManifestEditor wraps one CodeMirror view. */
export class ManifestEditor {
  readonly view: EditorView;
  private readonly lintSlot = new Compartment();
  private readonly opts: EditorViewOptions;
  private silent = false;

  constructor(opts: EditorViewOptions) {
    this.opts = opts;
    this.view = new EditorView({ parent: opts.parent, state: this.stateFor('', false) });
  }

  /** load replaces the document (a different file, or the file changed on disk) without reporting a change. */
  load(text: string, lint: boolean, keepCursor = false): void {
    const head = Math.min(this.view.state.selection.main.head, text.length);
    this.view.setState(this.stateFor(text, lint));
    // A new state keeps the old scroll position, which may be far right on a long line.
    this.view.dispatch(keepCursor ? { selection: { anchor: head } } : { effects: EditorView.scrollIntoView(0) });
  }

  /** replace swaps the text in place (keeps undo history), without reporting a change. */
  replace(text: string): void {
    this.silent = true;
    const head = Math.min(this.view.state.selection.main.head, text.length);
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text }, selection: { anchor: head } });
    this.silent = false;
  }

  /** text is the current document. */
  get text(): string {
    return this.view.state.doc.toString();
  }

  /** relint re-runs the checks now (the cluster changed). */
  relint(): void {
    forceLinting(this.view);
  }

  /** focus puts the caret in the editor. */
  focus(): void {
    this.view.focus();
  }

  /** dispose destroys the view. */
  dispose(): void {
    this.view.destroy();
  }

  private stateFor(doc: string, lint: boolean): EditorState {
    const o = this.opts;
    const extensions: Extension[] = [
      basicSetup,
      yaml(),
      syntaxHighlighting(highlight),
      theme,
      EditorState.tabSize.of(2),
      // The sandbox clips what overflows it: keep tooltips inside the editor.
      tooltips({ tooltipSpace: (view) => view.dom.getBoundingClientRect() }),
      EditorView.contentAttributes.of({ 'aria-label': o.label }),
      Prec.highest(
        keymap.of([
          { key: 'Mod-s', preventDefault: true, run: () => (o.onSave(), true) },
          { key: 'Mod-Enter', preventDefault: true, run: () => (o.onApply(), true) },
        ]),
      ),
      this.lintSlot.of(lint ? [linter((v) => o.lint(v.state.doc.toString()), { delay: 300 }), lintGutter()] : []),
      EditorView.updateListener.of((u) => {
        if (u.docChanged && !this.silent) o.onChange(u.state.doc.toString());
      }),
    ];
    return EditorState.create({ doc, extensions });
  }
}
