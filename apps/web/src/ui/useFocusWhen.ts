import { useEffect, useRef } from "react";

/**
 * A ref to put on an element (a heading with tabIndex={-1}, a status) that is focused as soon as
 * `shown` becomes truthy, so a screen reader says it and the eye finds it where it appeared.
 */
export function useFocusWhen<T extends HTMLElement>(shown: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}
