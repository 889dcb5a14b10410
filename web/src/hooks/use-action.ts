import { useCallback, useRef, useState } from 'react';

interface Callbacks<T> {
  onSuccess?: (result: T) => void;
  onError?: (error: unknown) => void;
}

/**
 * One request a form sends, with its pending state and its refusal: the sign-in page's own,
 * small stand-in for TanStack Query's `useMutation`, which the first load does not carry (the
 * signed-in frame brings it). The same calls: `mutate(variables, { onSuccess, onError })`,
 * `reset()`, `isPending`, `error`. An answer that arrives after `reset()` or a newer call is
 * dropped.
 */
export function useAction<V, T>(run: (variables: V) => Promise<T>, options: Callbacks<T> = {}) {
  const [state, setState] = useState<{ isPending: boolean; error: unknown }>({
    isPending: false,
    error: null,
  });
  const latest = useRef(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const mutate = useCallback(
    (variables: V, callbacks: Callbacks<T> = {}) => {
      const call = ++latest.current;
      setState({ isPending: true, error: null });
      run(variables).then(
        (result) => {
          if (call !== latest.current) return;
          setState({ isPending: false, error: null });
          optionsRef.current.onSuccess?.(result);
          callbacks.onSuccess?.(result);
        },
        (error: unknown) => {
          if (call !== latest.current) return;
          setState({ isPending: false, error });
          optionsRef.current.onError?.(error);
          callbacks.onError?.(error);
        },
      );
    },
    [run],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ isPending: false, error: null });
  }, []);

  return { mutate, reset, isPending: state.isPending, error: state.error };
}
