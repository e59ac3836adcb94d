import type { Choice, Prompter } from '../../src/cli/prompter.js';

/**
 * Scripted answers for the wizard's prompts, consumed in order, with inquirer's behaviour where the
 * wizard relies on it: an empty input takes the default, and a `validate` message keeps the prompt
 * open (the next answer is tried). CANCEL throws what inquirer throws on Ctrl-C.
 */
export const CANCEL = Symbol('cancel');
export type Answer = string | boolean | typeof CANCEL;

export interface Asked {
  kind: 'input' | 'confirm' | 'select' | 'editor' | 'paste';
  message: string;
  default?: string | boolean;
}

export function fakePrompter(answers: Answer[]): { prompter: Prompter; asked: Asked[]; rejected: string[]; left: () => number } {
  const queue = [...answers];
  const asked: Asked[] = [];
  const rejected: string[] = [];
  const next = (kind: Asked['kind'], message: string): Answer => {
    if (queue.length === 0) throw new Error(`no scripted answer for ${kind} "${message}"`);
    const a = queue.shift() as Answer;
    if (a === CANCEL) throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    return a;
  };
  const prompter: Prompter = {
    async input(q) {
      asked.push({ kind: 'input', message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) });
      for (;;) {
        const raw = next('input', q.message);
        const v = raw === '' && q.default !== undefined ? q.default : String(raw);
        const ok = q.validate ? q.validate(v) : true;
        if (ok === true) return v;
        rejected.push(ok);
      }
    },
    async confirm(q) {
      asked.push({ kind: 'confirm', message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) });
      const a = next('confirm', q.message);
      return a === '' ? (q.default ?? true) : a === true;
    },
    async select<T extends string>(q: { message: string; choices: Choice<T>[]; default?: T }) {
      asked.push({ kind: 'select', message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) });
      const a = next('select', q.message);
      const pick = a === '' ? q.default : q.choices.find((c) => c.value === a)?.value;
      if (pick === undefined) throw new Error(`"${String(a)}" is not a choice of "${q.message}"`);
      return pick;
    },
    async editor(q) {
      asked.push({ kind: 'editor', message: q.message });
      return String(next('editor', q.message));
    },
    async paste(q) {
      asked.push({ kind: 'paste', message: q.message });
      return String(next('paste', q.message));
    },
  };
  return { prompter, asked, rejected, left: () => queue.length };
}
