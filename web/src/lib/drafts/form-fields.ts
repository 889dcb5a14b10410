import { DRAFT_RESTORE_EVENT } from './draft-value';
import type { DraftValues } from './store';

/**
 * Reading and writing a form's fields through the DOM, so one component keeps a draft of any
 * form whatever holds its state (one useState per field or an object). Writing goes through
 * the element's native setter and an input/change event (a click for a checkbox or radio), as
 * the user's typing would, so the form's own onChange handlers update its state.
 *
 * Left out: passwords and one-time codes (never stored), files, search boxes (a picker's query,
 * not a value), buttons and hidden fields, and any control marked `data-draft="off"`. A hidden
 * field marked `data-draft="value"` (draft-value.tsx: a record chosen in a search picker) is
 * kept, and written back through its own event rather than its value.
 */

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const SKIPPED_TYPES = new Set(['password', 'file', 'search', 'hidden', 'submit', 'button', 'reset', 'image']);

function isControl(element: Element): element is Control {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  );
}

function isDraftValue(control: Control): boolean {
  return (
    control instanceof HTMLInputElement && control.type === 'hidden' && control.dataset.draft === 'value'
  );
}

function kept(control: Control): boolean {
  if (control.closest('[data-draft="off"]')) return false;
  if (control instanceof HTMLInputElement) {
    if (isDraftValue(control)) return true;
    if (SKIPPED_TYPES.has(control.type)) return false;
    if (control.autocomplete === 'one-time-code') return false;
  }
  return true;
}

/**
 * The controls whose values a draft keeps, each with its key: its name (a box's value too), or
 * for a control without a name its place among the form's controls and its type.
 */
export function draftControls(form: HTMLFormElement): [string, Control][] {
  const entries: [string, Control][] = [];
  let index = 0;
  for (const element of Array.from(form.elements)) {
    if (!isControl(element) || !kept(element)) continue;
    // Not the id: React's useId counts mounts, so it differs from one sign-in to the next.
    const base = element.name || `#${index}:${element.tagName.toLowerCase()}:${element.type}`;
    index += 1;
    const checkable =
      element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio');
    entries.push([checkable ? `${base}=${element.value}` : base, element]);
  }
  return entries;
}

function valueOf(control: Control): string | boolean | string[] {
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
    return control.checked;
  }
  if (control instanceof HTMLSelectElement && control.multiple) {
    return Array.from(control.selectedOptions, (option) => option.value);
  }
  return control.value;
}

export function readForm(form: HTMLFormElement): DraftValues {
  return Object.fromEntries(draftControls(form).map(([key, control]) => [key, valueOf(control)]));
}

/** Whether `values` differ from `baseline` (a field absent from the baseline counts as empty). */
export function differs(values: DraftValues, baseline: DraftValues): boolean {
  return Object.entries(values).some(([key, value]) => {
    const before = baseline[key] ?? (typeof value === 'boolean' ? false : Array.isArray(value) ? [] : '');
    return JSON.stringify(before) !== JSON.stringify(value);
  });
}

function nativeSetter(control: Control): ((value: string) => void) | undefined {
  const proto =
    control instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : control instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
  return Object.getOwnPropertyDescriptor(proto, 'value')?.set;
}

function write(control: Control, value: string | boolean | string[]): void {
  if (isDraftValue(control)) {
    // Its value is React state's: the component puts it back (DraftValue's onRestore).
    if (typeof value === 'string' && control.value !== value) {
      control.dispatchEvent(new CustomEvent(DRAFT_RESTORE_EVENT, { detail: value }));
    }
    return;
  }
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
    // A click, as the user's: React's onChange for boxes listens to clicks.
    if (typeof value === 'boolean' && control.checked !== value && (value || control.type === 'checkbox')) {
      control.click();
    }
    return;
  }
  if (control instanceof HTMLSelectElement && control.multiple) {
    if (!Array.isArray(value)) return;
    for (const option of Array.from(control.options)) option.selected = value.includes(option.value);
    control.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  if (typeof value !== 'string' || control.value === value) return;
  // A select only takes a value one of its options has (a list not loaded yet: left alone).
  if (control instanceof HTMLSelectElement && !Array.from(control.options).some((o) => o.value === value)) {
    return;
  }
  nativeSetter(control)?.call(control, value);
  control.dispatchEvent(
    new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
}

/**
 * Puts `values` into the form's fields, in the order they appear (so a postal code fills its
 * commune before the commune saved in the draft is chosen). Returns the keys not found (a field
 * that appears only once another is filled), for a second pass.
 */
export function writeForm(form: HTMLFormElement, values: DraftValues): DraftValues {
  const controls = new Map(draftControls(form));
  const missing: DraftValues = {};
  for (const [key, value] of Object.entries(values)) {
    const control = controls.get(key);
    if (control) write(control, value);
    else missing[key] = value;
  }
  return missing;
}
