import { describe, expect, it } from 'vitest';
import { icsText } from '../../../lib/ics.js';

describe('text in .ics calendars', () => {
  it('escapes every line break, a bare CR too, so text cannot start a property of its own', () => {
    expect(icsText('Grève\rATTENDEE:mailto:exemple@smes.test')).toBe(
      'Grève\\nATTENDEE:mailto:exemple@smes.test',
    );
    expect(icsText('a\r\nb\nc\rd')).toBe('a\\nb\\nc\\nd');
    expect(icsText('Groupe; jeudi, 14h\\')).toBe('Groupe\\; jeudi\\, 14h\\\\');
  });
});
