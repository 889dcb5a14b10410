import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Payment, PaymentInput } from '@smes/shared';
import { PaymentConflict, PaymentForm } from '@/components/payment-form';
import { UndoPaymentDialog } from '@/components/undo-payment-dialog';
import type { EditConflictState } from '@/hooks/use-edit-conflict';
import type { DraftOptions } from '@/lib/drafts';
import type { Versioned } from '@/lib/versioned';

/** A line that is paid (dues, an intervision fee, a training fee): its payment, if any. */
export interface Payable extends Versioned {
  payment: Payment | null;
}

/** The payment's update, `useEditConflict(useUpdate…())`: `{ base, body: { payment } }`. */
type PaymentEdit<R extends Payable> = Pick<
  EditConflictState<{ payment: Payment | null }, { base: R; body: { payment?: PaymentInput | null } }>,
  'mutate' | 'reset' | 'error' | 'isPending' | 'conflict' | 'keepMine' | 'takeTheirs'
>;

interface PaymentActionsOptions<R extends Payable> {
  edit: PaymentEdit<R>;
  /** Who pays, as the form, the buttons and the messages say it. */
  nameOf: (line: R) => string;
  /** The draft kept while the payment is typed (lib/drafts). */
  draft: (line: R) => DraftOptions;
  /** Said once a payment is recorded, or undone (not when the user kept a colleague's payment). */
  onRecorded: (name: string) => void;
  onUndone: (name: string) => void;
  /** Cancelling the form also clears the update's error (dues). */
  resetOnCancel?: boolean;
}

/** The labels of a line's payment button: record while unpaid, undo once paid. */
export interface PaymentButtonLabels {
  record: string;
  recordFor: string;
  undo: string;
  undoFor: string;
}

/**
 * Recording and undoing payments in a table of people or holders (decision 19), the same for
 * every list: the payment form in the line being paid, the record/undo button otherwise, and the
 * undo's confirmation (`dialog`, rendered once below the table). The table keeps its own columns.
 */
export function usePaymentActions<R extends Payable>(options: PaymentActionsOptions<R>) {
  const { edit, nameOf, draft, onRecorded, onUndone, resetOnCancel = false } = options;
  const [paying, setPaying] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<R | null>(null);
  const conflict = <PaymentConflict edit={edit} />;

  /** The payment form for the line (owing `owed`, the API's decimal string). */
  const form = (line: R, owed: string): ReactNode => {
    const name = nameOf(line);
    return (
      <PaymentForm
        id={line.id}
        draft={draft(line)}
        name={name}
        owed={owed}
        pending={edit.isPending}
        error={edit.error}
        conflict={conflict}
        onCancel={() => {
          if (resetOnCancel) edit.reset();
          setPaying(null);
        }}
        onSubmit={(payment) =>
          edit.mutate(
            { base: line, body: { payment } },
            {
              onSuccess: () => {
                setPaying(null);
                onRecorded(name);
              },
            },
          )
        }
      />
    );
  };

  /** Record while unpaid, undo once paid; `undoDisabled` while the list is busy (dues). */
  const button = (line: R, labels: PaymentButtonLabels, undoDisabled?: boolean): ReactNode => {
    const paid = line.payment !== null;
    return (
      <button
        type="button"
        className="button--small"
        aria-label={paid ? labels.undoFor : labels.recordFor}
        disabled={paid ? undoDisabled : undefined}
        onClick={() => {
          edit.reset();
          if (paid) setUndoing(line);
          else setPaying(line.id);
        }}
      >
        {paid ? labels.undo : labels.record}
      </button>
    );
  };

  const dialog = undoing?.payment ? (
    <UndoPaymentDialog
      name={nameOf(undoing)}
      payment={undoing.payment}
      pending={edit.isPending}
      error={edit.error}
      conflict={conflict}
      onCancel={() => setUndoing(null)}
      onConfirm={() => {
        const name = nameOf(undoing);
        edit.mutate(
          { base: undoing, body: { payment: null } },
          {
            onSuccess: (saved) => {
              setUndoing(null);
              // Still paid: the user kept the payment someone else recorded meanwhile.
              if (!saved.payment) onUndone(name);
            },
          },
        );
      }}
    />
  ) : null;

  return { isPaying: (line: R) => paying === line.id, isPending: edit.isPending, form, button, dialog };
}
