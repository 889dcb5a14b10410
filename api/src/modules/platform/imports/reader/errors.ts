import type { FieldErrorCode } from '@smes/shared';
import { AppError } from '../../../../errors.js';

/** Why a whole file was refused; the import screen can say it in the user's language. */
export type ImportFileErrorReason =
  'tooLarge' | 'wrongType' | 'zipBomb' | 'formula' | 'tooManyRows' | 'empty' | 'unreadable' | 'sheetNotFound';

export type ImportFileErrorDetails = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * Each reason reuses the nearest shared codes, so the error-handler plugin turns this into a
 * problem-details reply (413, 415 or 400 with a `file` field error) without knowing imports.
 */
const HTTP: Record<
  ImportFileErrorReason,
  {
    code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION';
    status: number;
    field: FieldErrorCode;
  }
> = {
  tooLarge: { code: 'PAYLOAD_TOO_LARGE', status: 413, field: 'tooLarge' },
  wrongType: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, field: 'wrongFileType' },
  zipBomb: { code: 'VALIDATION', status: 400, field: 'zipBomb' },
  formula: { code: 'VALIDATION', status: 400, field: 'formula' },
  tooManyRows: { code: 'VALIDATION', status: 400, field: 'tooManyRows' },
  empty: { code: 'VALIDATION', status: 400, field: 'emptyFile' },
  unreadable: { code: 'VALIDATION', status: 400, field: 'unreadable' },
  sheetNotFound: { code: 'VALIDATION', status: 400, field: 'sheetNotFound' },
};

/** A file the reader will not read; thrown before any costly work whenever the cause allows. */
export class ImportFileError extends AppError {
  constructor(
    readonly reason: ImportFileErrorReason,
    message: string,
    readonly details: ImportFileErrorDetails = {},
  ) {
    const http = HTTP[reason];
    const params = Object.fromEntries(
      Object.entries(details).map(([k, v]) => [
        k,
        typeof v === 'number' ? v : Array.isArray(v) ? v.join(', ') : String(v),
      ]),
    );
    super(http.code, http.status, message, [{ field: 'file', code: http.field, message, params }]);
  }
}
