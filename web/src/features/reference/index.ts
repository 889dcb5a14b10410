// What other features use of the reference lists: the items, and the inputs that offer them.
export { useReferenceItems } from './api/get-reference-items';
export { ReferenceCheckboxes } from './components/reference-checkboxes';
export { ReferenceOptions } from './components/reference-options';
