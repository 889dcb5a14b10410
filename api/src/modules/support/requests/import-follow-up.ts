import type { SupportAnswerHow, SupportCloseReason, SupportStatus } from '@smes/shared';
import { matchKey } from '../../../lib/text.js';
import { rowChecks, text, type PlanContext } from '../../platform/imports/kind.js';
import { answerHowNamed, closeReasonNamed, statusNamed } from './import-labels.js';

/** What a log's row says happened after the request came in: status, first answer, closing. */
export interface FollowUp {
  status: SupportStatus;
  firstAnswerOn: string | null;
  firstAnswerBy: string | null;
  firstAnswerHow: SupportAnswerHow | null;
  closedOn: string | null;
  closeReason: SupportCloseReason | null;
}

interface Staff {
  id: string;
  email: string;
  displayName: string;
}

/**
 * The optional follow-up columns of a row, checked as the request's steps are: a first answer
 * names its day, who (a Support worker, by e-mail or name) and how; a closing its day and
 * reason; neither before the request was received nor after today. Null when a cell is refused.
 */
export function followUpOf(
  values: Record<string, unknown>,
  {
    row,
    day,
    today,
    staff,
    fail,
  }: { row: number; day: string; today: string; staff: readonly Staff[]; fail: PlanContext['error'] },
): FollowUp | null {
  const checks = rowChecks(fail);
  const refuse = checks.fail;
  const inLife = (on: string, key: string) => {
    if (on < day) refuse(row, key, 'beforeReceived', on);
    else if (on > today) refuse(row, key, 'afterToday', on);
  };

  const answeredOn = text(values.firstAnswerOn);
  const byCell = text(values.firstAnswerBy);
  const howCell = text(values.firstAnswerHow);
  let by: Staff | undefined;
  let how: SupportAnswerHow | undefined;
  if (answeredOn) {
    inLife(answeredOn, 'firstAnswerOn');
    if (!byCell) refuse(row, 'firstAnswerBy', 'required');
    else {
      const wanted = matchKey(byCell);
      by = staff.find(
        (s) => s.email.toLowerCase() === byCell.toLowerCase() || matchKey(s.displayName) === wanted,
      );
      if (!by) refuse(row, 'firstAnswerBy', 'notSupportStaff', byCell);
    }
    if (!howCell) refuse(row, 'firstAnswerHow', 'required');
    else if (!(how = answerHowNamed(howCell))) refuse(row, 'firstAnswerHow', 'invalid', howCell);
  } else if (byCell || howCell) refuse(row, 'firstAnswerOn', 'required');

  const closedOn = text(values.closedOn);
  const reasonCell = text(values.closeReason);
  let reason: SupportCloseReason | undefined;
  if (closedOn) {
    inLife(closedOn, 'closedOn');
    if (!reasonCell) refuse(row, 'closeReason', 'required');
    else if (!(reason = closeReasonNamed(reasonCell))) refuse(row, 'closeReason', 'invalid', reasonCell);
  } else if (reasonCell) refuse(row, 'closedOn', 'required');

  const statusCell = text(values.status);
  const named = statusCell ? statusNamed(statusCell) : undefined;
  if (statusCell && !named) refuse(row, 'status', 'invalid', statusCell);
  // Closed exactly when it has a closing day, as the database holds.
  if (named === 'closed' && !closedOn) refuse(row, 'closedOn', 'required');
  if (checks.failed) return null;
  return {
    status: closedOn ? 'closed' : (named ?? 'new'),
    firstAnswerOn: answeredOn && by && how ? answeredOn : null,
    firstAnswerBy: answeredOn && by && how ? by.id : null,
    firstAnswerHow: answeredOn && by && how ? how : null,
    closedOn: closedOn && reason ? closedOn : null,
    closeReason: closedOn && reason ? reason : null,
  };
}
