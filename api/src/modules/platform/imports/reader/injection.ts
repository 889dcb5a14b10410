/**
 * A text cell that a spreadsheet would run as a formula once someone exports and reopens our
 * data ("CSV injection"). Only a leading `=`, `+`, `-` or `@` can start one; `=` always does,
 * while the others must be followed by something formula-shaped, so that phone numbers
 * (`+32 2 123 45 67`), negative numbers (`-5`) and handles (`@molenbeek`) still pass.
 */
const FUNCTION_CALL = /^[A-Za-z_][\w.]*\s*\(/; // SUM(, HYPERLINK(, _xlfn.CONCAT(
const CELL_REFERENCE = /^\$?[A-Za-z]{1,3}\$?\d+\b/; // A1, $B$2
const DDE = /\|/; // cmd|' /C calc'!A0, the classic payload

export function looksLikeFormula(cell: string): boolean {
  const value = cell.trimStart();
  const sigil = value[0];
  if (sigil !== '=' && sigil !== '+' && sigil !== '-' && sigil !== '@') return false;
  const rest = value.slice(1).trimStart();
  if (rest === '') return false;
  if (sigil === '=') return !/^=*$/.test(rest); // "=====" is a ruler, not a formula
  return FUNCTION_CALL.test(rest) || CELL_REFERENCE.test(rest) || DDE.test(rest) || rest[0] === '=';
}
