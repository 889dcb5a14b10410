import { BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN } from '@smes/shared';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { breakGlass } from '@/lib/break-glass';
import { useModal } from './confirm-dialog';

/**
 * The one question every page asks when a read lands outside the user's scope (403
 * BREAK_GLASS_REQUIRED): why read it? The reason (at least BREAK_GLASS_REASON_MIN characters)
 * goes with the read again, which the administrators see flagged. Mounted once in the signed-in
 * frame; leaving the page forgets its reason.
 */
export function BreakGlassDialog() {
  const { t } = useTranslation('common');
  const asking = useSyncExternalStore(breakGlass.subscribe, breakGlass.asking);
  const { pathname } = useLocation();
  const ref = useModal(asking !== null);
  const titleId = useId();
  const fieldId = useId();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const short = reason.trim().length < BREAK_GLASS_REASON_MIN;

  useEffect(() => breakGlass.forget(pathname), [pathname]);
  useEffect(() => () => breakGlass.forget(), []);

  // Each question starts with an empty reason.
  useEffect(() => {
    if (asking === null) return;
    setReason('');
    setTried(false);
  }, [asking]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        breakGlass.answer(null);
      }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!short) breakGlass.answer(reason.trim());
        }}
      >
        <h2 id={titleId}>{t('breakGlass.title')}</h2>
        <div className="dialog__body">
          <p>{t('breakGlass.explain')}</p>
          <div className={tried && short ? 'field field--invalid' : 'field'}>
            <label htmlFor={fieldId}>{t('breakGlass.reason')}</label>
            <textarea
              id={fieldId}
              rows={3}
              maxLength={BREAK_GLASS_REASON_MAX}
              value={reason}
              aria-invalid={tried && short ? true : undefined}
              aria-describedby={`${fieldId}-hint`}
              onChange={(event) => setReason(event.target.value)}
            />
            <p className={tried && short ? 'field__error' : 'field__hint'} id={`${fieldId}-hint`}>
              {t('breakGlass.hint', { min: BREAK_GLASS_REASON_MIN, count: reason.trim().length })}
            </p>
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button--primary">
            {t('breakGlass.confirm')}
          </button>
          <button type="button" onClick={() => breakGlass.answer(null)}>
            {t('breakGlass.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
