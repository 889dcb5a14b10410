import type { FieldError } from '@smes/shared';

export interface Period {
  id: string;
  startsOn: string;
  /** The last day, inclusive; null while the membership runs. */
  endsOn: string | null;
}

/** The holder's period that already includes `day`: a list naming it again means that membership. */
export function periodCovering(own: readonly Period[], day: string): Period | undefined {
  return own.find((p) => p.startsOn <= day && (p.endsOn === null || p.endsOn >= day));
}

/**
 * What is wrong with a membership period among the holder's other ones: an end before its start,
 * or a day shared with another period (a holder is a member once at a time). The form and the
 * members import ask the same question.
 */
export function periodProblem(
  own: readonly Period[],
  startsOn: string,
  endsOn: string | null,
  selfId?: string,
): FieldError | null {
  if (endsOn && endsOn < startsOn) return { field: 'endsOn', code: 'tooSmall' };
  const overlaps = own.some(
    (p) =>
      p.id !== selfId &&
      (endsOn === null || p.startsOn <= endsOn) &&
      (p.endsOn === null || p.endsOn >= startsOn),
  );
  return overlaps ? { field: 'startsOn', code: 'overlaps' } : null;
}
