import type { FigureRecord } from '@smes/shared';
import type { ReactNode } from 'react';
import { FigureRecords } from './figure-records';

interface FigureDetailsProps {
  label: ReactNode;
  value: string;
  records: readonly FigureRecord[];
  testId: string;
}

/** A figure, and one click away the records it counts: a funder's question answered by names. */
export function FigureDetails({ label, value, records, testId }: FigureDetailsProps) {
  return (
    <details className="figure" data-testid={testId}>
      <summary>
        <span className="figure__label">{label}</span>
        <strong className="figure__value">{value}</strong>
      </summary>
      <FigureRecords records={records} />
    </details>
  );
}
