// The figure engine's answers (GET /api/figures…), under the names this feature uses.
export type {
  FigureBreakdown,
  FigureInfo as FigureDefinition,
  FigureRecordItem as FigureRecord,
  FigureRecordPage,
  FigureValue,
  FigureValues,
} from '@smes/shared';
