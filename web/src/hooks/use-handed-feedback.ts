import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The message a page was handed by the one before it (`navigate(to, { state: { feedback } })`:
 * "created", "saved"), read once. The history entry then forgets it, so a reload or coming back
 * later does not say it again.
 */
export function useHandedFeedback(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [feedback] = useState(() => (location.state as { feedback?: string } | null)?.feedback ?? null);
  useEffect(() => {
    if ((location.state as { feedback?: string } | null)?.feedback) {
      void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
    }
  }, [location, navigate]);
  return feedback;
}
