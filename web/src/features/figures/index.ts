/** The figure engine's screens' parts: values, records one click away, breakdowns. */
export { useFigureBreakdown, useFigureCatalogue, useFigureRecords, useFigureValues } from './api/get-figures';
export { figureKeys, type FigureScope } from './api/keys';
export { FigureRecordList } from './components/figure-record-list';
export { localName, recordLabel } from './components/record-label';
