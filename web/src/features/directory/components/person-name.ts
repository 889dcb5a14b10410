/** "Marie Dupont": first name first, as people introduce themselves in both languages. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}
